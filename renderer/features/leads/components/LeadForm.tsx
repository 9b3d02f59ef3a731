// The lead's editable details, BANT and consent. Saves only the fields that changed.
import { isConsentWithdrawn } from '../../../../shared/domain/consent';
import { ConsentWithdrawnLine } from '../../consent/components/ConsentLine';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../../../shared/domain/records';
import { leadRatings, leadSources, purchaseTimeframes } from '../../../../shared/domain/records';
import { useAction } from '../../../app/use-action';
import { useDraft } from '../../../app/use-draft';
import { inputToMinor, minorToInput } from '../../../i18n/format';
import { useFormat } from '../../../i18n/use-format';
import { Button } from '../../../ui/Button';
import { SelectField, TextArea, TextField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { useLeadCommands } from '../commands';

type Editable = Pick<
  Lead,
  | 'topic'
  | 'firstName'
  | 'lastName'
  | 'company'
  | 'jobTitle'
  | 'email'
  | 'phone'
  | 'mobile'
  | 'website'
  | 'vatNumber'
  | 'source'
  | 'sourceDetail'
  | 'rating'
  | 'budget'
  | 'purchaseTimeframe'
  | 'decisionMaker'
  | 'need'
  | 'notes'
>;

export const LeadForm = ({ lead }: { lead: Lead }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const commands = useLeadCommands();
  const consentHowText = (how: string | null): string =>
    how === 'trade_fair_form'
      ? t('lead.consentHow')
      : how === 'email'
        ? t('lead.consentHowEmail')
        : how === 'web_form'
          ? t('lead.consentHowWebForm')
          : (how ?? '');
  const action = useAction();
  const draft = useDraft<Editable>(lead);
  const v = draft.value;
  const readOnly = lead.state !== 'open';
  const text = (key: keyof Editable, label: string, type = 'text') => (
    <TextField
      label={label}
      type={type}
      value={String(v[key] ?? '')}
      readOnly={readOnly}
      onChange={(e) => draft.set(key, e.target.value as never)}
    />
  );
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const updated = await action.run(() => commands.update(lead.id, draft.changed));
    if (updated) draft.reset();
  };
  return (
    <form className="panel" onSubmit={(e) => void save(e)} aria-label={t('lead.detail')}>
      <div className="form-grid">
        {text('topic', t('lead.topic'))}
        {text('firstName', t('common.firstName'))}
        {text('lastName', t('common.lastName'))}
        {text('company', t('common.company'))}
        {text('jobTitle', t('common.jobTitle'))}
        {text('email', t('common.email'), 'email')}
        {text('phone', t('common.phone'), 'tel')}
        {text('mobile', t('common.mobile'), 'tel')}
        {text('website', t('common.website'))}
        {text('vatNumber', t('common.vatNumber'))}
        <SelectField
          label={t('lead.source')}
          value={v.source}
          disabled={readOnly}
          onChange={(e) => draft.set('source', e.target.value as Lead['source'])}
          options={leadSources.map((s) => ({ value: s, label: t(`lead.sources.${s}`) }))}
        />
        {text('sourceDetail', t('lead.sourceDetail'))}
        <SelectField
          label={t('lead.rating')}
          value={v.rating}
          disabled={readOnly}
          onChange={(e) => draft.set('rating', e.target.value as Lead['rating'])}
          options={leadRatings.map((r) => ({ value: r, label: t(`lead.ratings.${r}`) }))}
        />
      </div>
      <h2>{t('lead.bant')}</h2>
      <div className="form-grid">
        <TextField
          label={`${t('lead.budget')} (${lead.budgetCurrency})`}
          inputMode="decimal"
          readOnly={readOnly}
          defaultValue={v.budget === null ? '' : minorToInput(v.budget, lead.budgetCurrency)}
          onChange={(e) => draft.set('budget', inputToMinor(e.target.value, lead.budgetCurrency))}
          hint={v.budget === null ? undefined : fmt.money(v.budget, lead.budgetCurrency)}
        />
        <SelectField
          label={t('lead.purchaseTimeframe')}
          value={v.purchaseTimeframe}
          disabled={readOnly}
          onChange={(e) =>
            draft.set('purchaseTimeframe', e.target.value as Lead['purchaseTimeframe'])
          }
          options={purchaseTimeframes.map((p) => ({ value: p, label: t(`lead.timeframes.${p}`) }))}
        />
        <SelectField
          label={t('lead.decisionMaker')}
          value={v.decisionMaker === null ? '' : String(v.decisionMaker)}
          disabled={readOnly}
          onChange={(e) =>
            draft.set('decisionMaker', e.target.value === '' ? null : e.target.value === 'true')
          }
          options={[
            { value: '', label: t('common.unknown') },
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
        />
        <TextArea
          label={t('lead.need')}
          value={v.need}
          readOnly={readOnly}
          onChange={(e) => draft.set('need', e.target.value)}
          wide
        />
        <TextArea
          label={t('lead.notes')}
          value={v.notes}
          readOnly={readOnly}
          onChange={(e) => draft.set('notes', e.target.value)}
          wide
        />
      </div>
      <ConsentWithdrawnLine consent={lead.consent} />
      <p className="hint" hidden={isConsentWithdrawn(lead.consent)}>
        {lead.consent.given
          ? `${t('lead.consentGiven')} · ${fmt.dateTime(lead.consent.at)} · ${consentHowText(lead.consent.how)}`
          : t('lead.consentNotGiven')}
      </p>
      {lead.consent.given && lead.consent.wording ? (
        <blockquote className="hint">{lead.consent.wording}</blockquote>
      ) : null}
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      {readOnly ? null : (
        <div className="toolbar">
          <Button type="submit" variant="primary" disabled={!draft.dirty || action.busy}>
            {t('common.save')}
          </Button>
          {draft.dirty ? <Button onClick={draft.reset}>{t('common.cancel')}</Button> : null}
        </div>
      )}
    </form>
  );
};
