// Quick capture at a trade-fair stand: keyboard-first, minimal required fields, Enter saves
// and starts the next lead with the cursor back in the first field. In fair mode the lead is
// tagged with the current fair and the fair's questions are asked before consent.
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { leadRatings, leadSources } from '../../../../shared/domain/records';
import { navigate } from '../../../app/router';
import { useAction } from '../../../app/use-action';
import { bindText, setIn } from '../../../ui/bind-field';
import { Button } from '../../../ui/Button';
import { CheckboxField, SelectField, TextArea, TextField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { useConsentWording } from '../use-consent-wording';
import type { LeadCaptureInput } from '../commands';
import { useLeadCommands } from '../commands';
import { leadName } from '../lead-text';
import { CaptureDuplicateWarning } from './CaptureDuplicateWarning';
import { BadgeScanPanel } from '../scan/BadgeScanPanel';
import type { AnswerDraft } from '../../fairs/components/FairQuestionFields';
import { answersOf, FairQuestionFields } from '../../fairs/components/FairQuestionFields';
import { useCurrentFair } from '../../fairs/queries';

const emptyForm = (fairName: string): LeadCaptureInput => ({
  firstName: '',
  lastName: '',
  company: '',
  email: '',
  phone: '',
  jobTitle: '',
  topic: '',
  rating: 'warm',
  source: 'trade_fair',
  sourceDetail: fairName,
  notes: '',
  consentGiven: false,
  consentWording: '',
});

export const LeadCapture = () => {
  const { t } = useTranslation();
  const fair = useCurrentFair();
  const commands = useLeadCommands();
  const action = useAction();
  const [form, setForm] = useState<LeadCaptureInput>(() => emptyForm(fair?.name ?? ''));
  const [answers, setAnswers] = useState<AnswerDraft>({});
  // The fairs arrive after the first render: the detail follows the fair until typed over.
  const [fairShown, setFairShown] = useState(fair?.id ?? '');
  if (fair !== null && fairShown !== fair.id) {
    setFairShown(fair.id);
    setForm((f) => ({ ...f, source: 'trade_fair', sourceDetail: fair.name }));
  }
  // A capture at the fair is tagged with it; another source is not a fair's lead.
  const atFair = fair !== null && form.source === 'trade_fair' ? fair : null;
  const [saved, setSaved] = useState<{ name: string; count: number } | null>(null);
  const [missingName, setMissingName] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const openAfterSave = useRef(false);

  // The visitor reads the screen's language; the company that keeps the data is named.
  const wording = useConsentWording();
  const set = setIn(setForm);
  const field = bindText(form, set);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (
      !form.firstName.trim() &&
      !form.lastName.trim() &&
      !form.company.trim() &&
      !form.email.trim()
    ) {
      setMissingName(true);
      first.current?.focus();
      return;
    }
    setMissingName(false);
    const lead = await action.run(() =>
      commands.create({
        ...form,
        tradeFairId: atFair?.id ?? null,
        fairAnswers: answersOf(atFair, answers),
        consentWording: form.consentGiven ? wording : '',
      }),
    );
    if (!lead) return;
    if (openAfterSave.current) {
      navigate('leads', lead.id);
      return;
    }
    setSaved((s) => ({ name: leadName(lead), count: (s?.count ?? 0) + 1 }));
    // Keep the fair, source and rating: the next visitor at the stand is usually alike.
    setForm((f) => ({ ...emptyForm(f.sourceDetail), rating: f.rating, source: f.source }));
    setAnswers({});
    first.current?.focus();
  };

  return (
    <section className="page capture" aria-labelledby="capture-title">
      <div className="page-head">
        <h1 id="capture-title">{t('lead.captureTitle')}</h1>
        <Button onClick={() => navigate('leads')}>{t('app.back')}</Button>
      </div>
      <p className="hint">{t('lead.captureIntro')}</p>
      {fair !== null ? (
        <p className="hint" role="status">
          {t('fair.mode', { name: fair.name })}
        </p>
      ) : null}
      {saved ? (
        <Notice kind="success">
          {t('lead.captured', { name: saved.name })} ·{' '}
          {t('lead.capturedCount', { count: saved.count })}
        </Notice>
      ) : null}
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      <BadgeScanPanel
        onBadge={(fields) => {
          setForm((f) => ({ ...f, ...fields }));
          // Back in the form: the seller checks consent and saves with Enter.
          first.current?.focus();
        }}
      />
      <CaptureDuplicateWarning draft={{ ...form, mobile: '', vatNumber: '' }} />
      <form
        className="panel form-grid"
        onSubmit={(e) => void submit(e)}
        aria-labelledby="capture-title"
      >
        <TextField
          ref={first}
          label={t('common.firstName')}
          {...field('firstName')}
          autoFocus
          error={missingName ? t('lead.needsName') : null}
        />
        <TextField label={t('common.lastName')} {...field('lastName')} />
        <TextField label={t('common.company')} {...field('company')} />
        <TextField label={t('common.jobTitle')} {...field('jobTitle')} />
        <TextField label={t('common.email')} type="email" {...field('email')} />
        <TextField label={t('common.phone')} type="tel" {...field('phone')} />
        <TextField label={t('lead.topic')} {...field('topic')} />
        <SelectField
          label={t('lead.rating')}
          {...field('rating')}
          options={leadRatings.map((r) => ({ value: r, label: t(`lead.ratings.${r}`) }))}
        />
        <SelectField
          label={t('lead.source')}
          {...field('source')}
          options={leadSources.map((s) => ({ value: s, label: t(`lead.sources.${s}`) }))}
        />
        <TextField label={t('lead.sourceDetail')} {...field('sourceDetail')} />
        {atFair !== null ? (
          <FairQuestionFields fair={atFair} answers={answers} onChange={setAnswers} />
        ) : null}
        <TextArea label={t('lead.notes')} {...field('notes')} wide />
        <CheckboxField
          label={t('lead.consent')}
          hint={wording}
          checked={form.consentGiven}
          onChange={(e) => set('consentGiven', e.target.checked)}
          wide
        />
        <div className="toolbar field-wide">
          <Button
            type="submit"
            variant="primary"
            disabled={action.busy}
            onClick={() => (openAfterSave.current = false)}
          >
            {t('lead.saveAndNext')}
          </Button>
          <Button
            type="submit"
            disabled={action.busy}
            onClick={() => (openAfterSave.current = true)}
          >
            {t('lead.saveAndOpen')}
          </Button>
        </div>
      </form>
    </section>
  );
};
