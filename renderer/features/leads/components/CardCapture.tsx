// Business card → lead, on the device: a photo (camera or image file) is read by OCR in a
// worker, every field is shown for the seller to confirm or correct, and the lead is saved
// with the compressed card image. Fair mode and consent apply as in quick capture.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardFields } from '../../../../shared/capture/card-fields';
import { navigate } from '../../../app/router';
import { useAction } from '../../../app/use-action';
import { CheckboxField, TextField } from '../../../ui/Field';
import { Dialog } from '../../../ui/Dialog';
import { Notice } from '../../../ui/Notice';
import { Button } from '../../../ui/Button';
import { compressCardImage, readBusinessCard } from '../card-reader';
import { CardCamera } from './CardCamera';
import { useLeadCommands } from '../commands';
import { useConsentWording } from '../use-consent-wording';
import type { AnswerDraft } from '../../fairs/components/FairQuestionFields';
import { answersOf, FairQuestionFields } from '../../fairs/components/FairQuestionFields';
import { useCurrentFair } from '../../fairs/queries';

type Step =
  | { kind: 'choose' }
  | { kind: 'camera' }
  | { kind: 'reading' }
  | { kind: 'confirm'; fields: CardFields; image: string }
  | { kind: 'failed'; message: string };

const personFields = [
  'firstName',
  'lastName',
  'company',
  'jobTitle',
  'email',
  'phone',
  'mobile',
  'website',
] as const;
const addressFields = ['street', 'postalCode', 'city', 'province', 'country'] as const;

export const CardCapture = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation();
  const fair = useCurrentFair();
  const [answers, setAnswers] = useState<AnswerDraft>({});
  const commands = useLeadCommands();
  const action = useAction();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [consent, setConsent] = useState(false);
  const wording = useConsentWording();

  const read = async (file: Blob | undefined) => {
    if (!file) return;
    setStep({ kind: 'reading' });
    try {
      const [{ fields }, image] = await Promise.all([
        readBusinessCard(file),
        compressCardImage(file),
      ]);
      setStep({ kind: 'confirm', fields, image });
    } catch (error) {
      setStep({ kind: 'failed', message: (error as Error).message });
    }
  };

  const set = (key: (typeof personFields)[number], value: string) =>
    setStep((s) => (s.kind === 'confirm' ? { ...s, fields: { ...s.fields, [key]: value } } : s));
  const setAddress = (key: (typeof addressFields)[number], value: string) =>
    setStep((s) =>
      s.kind === 'confirm'
        ? { ...s, fields: { ...s.fields, address: { ...s.fields.address, [key]: value } } }
        : s,
    );

  const save = async () => {
    if (step.kind !== 'confirm') return;
    const { address, ...fields } = step.fields;
    const lead = await action.run(() =>
      commands.createFromCard(
        {
          ...fields,
          address: Object.fromEntries(Object.entries(address).filter(([, v]) => v !== '')),
          topic: '',
          rating: 'warm',
          source: fair ? 'trade_fair' : 'other',
          sourceDetail: fair?.name ?? '',
          tradeFairId: fair?.id ?? null,
          fairAnswers: answersOf(fair, answers),
          notes: '',
          consentGiven: consent,
          consentWording: consent ? wording : '',
        },
        step.image,
        t('card.image'),
      ),
    );
    if (lead) navigate('leads', lead.id);
  };

  return (
    <Dialog
      title={t('card.title')}
      onClose={onClose}
      onSubmit={step.kind === 'confirm' ? () => void save() : undefined}
      submitLabel={t('card.save')}
      cancelLabel={t('common.cancel')}
      submitDisabled={action.busy}
      wide
    >
      {step.kind === 'choose' || step.kind === 'failed' ? (
        <>
          <p className="hint">{t('card.intro')}</p>
          {step.kind === 'failed' ? (
            <Notice kind="error">{t('card.failed', { message: step.message })}</Notice>
          ) : null}
          <TextField
            label={t('card.photo')}
            type="file"
            accept="image/*"
            capture="environment"
            onChange={(e) => void read(e.target.files?.[0])}
          />
          <Button onClick={() => setStep({ kind: 'camera' })}>{t('card.useCamera')}</Button>
        </>
      ) : null}
      {step.kind === 'camera' ? <CardCamera onPhoto={(photo) => void read(photo)} /> : null}
      {step.kind === 'reading' ? <p role="status">{t('card.reading')}</p> : null}
      {step.kind === 'confirm' ? (
        <div className="form-grid" aria-label={t('card.check')}>
          <p className="hint field-wide">{t('card.check')}</p>
          <img className="card-image field-wide" src={step.image} alt={t('card.image')} />
          {personFields.map((key) => (
            <TextField
              key={key}
              label={t(`common.${key}`)}
              value={step.fields[key]}
              onChange={(e) => set(key, e.target.value)}
            />
          ))}
          {addressFields.map((key) => (
            <TextField
              key={key}
              label={t(`common.${key}`)}
              value={step.fields.address[key] ?? ''}
              onChange={(e) => setAddress(key, e.target.value)}
            />
          ))}
          {fair !== null ? (
            <FairQuestionFields fair={fair} answers={answers} onChange={setAnswers} />
          ) : null}
          <CheckboxField
            label={t('lead.consent')}
            hint={wording}
            checked={consent}
            onChange={(e) => setConsent(e.target.checked)}
            wide
          />
          {action.error ? <Notice kind="error">{action.error}</Notice> : null}
        </div>
      ) : null}
    </Dialog>
  );
};
