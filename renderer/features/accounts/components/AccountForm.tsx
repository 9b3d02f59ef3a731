// Editing an account on the device (its owner, or a manager): name and contacts, billing and
// shipping address, VAT number, tax code, SDI code or PEC, and the documents' language.
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountPatch } from '../../../../shared/domain/account';
import type { Account, Address } from '../../../../shared/domain/records';
import { documentLanguages } from '../../../../shared/domain/records';
import { useAction } from '../../../app/use-action';
import { useDraft } from '../../../app/use-draft';
import { Button } from '../../../ui/Button';
import { SelectField, TextField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { useAccountCommands } from '../commands';

type Editable = Required<AccountPatch>;

const editable = (a: Account): Editable => ({
  name: a.name,
  vatNumber: a.vatNumber,
  taxCode: a.taxCode,
  address: a.address,
  shippingAddress: a.shippingAddress,
  email: a.email,
  phone: a.phone,
  website: a.website,
  industry: a.industry,
  sdiCode: a.sdiCode,
  pec: a.pec,
  documentLanguage: a.documentLanguage,
});

const addressParts = ['street', 'postalCode', 'city', 'province', 'country'] as const;

export const AccountForm = ({ account, onDone }: { account: Account; onDone: () => void }) => {
  const { t } = useTranslation();
  const commands = useAccountCommands();
  const action = useAction();
  const draft = useDraft<Editable>(editable(account));
  const v = draft.value;
  const fieldError = (field: string) =>
    action.errorField === field || action.errorField?.startsWith(`${field}.`) ? action.error : null;
  const text = (
    field:
      | 'name'
      | 'vatNumber'
      | 'taxCode'
      | 'email'
      | 'phone'
      | 'website'
      | 'industry'
      | 'sdiCode'
      | 'pec',
    label: string,
    hint?: string,
  ) => (
    <TextField
      label={label}
      hint={hint}
      value={v[field]}
      error={fieldError(field)}
      required={field === 'name'}
      onChange={(e) => draft.set(field, e.target.value)}
    />
  );
  const addressFields = (which: 'address' | 'shippingAddress') =>
    addressParts.map((part) => (
      <TextField
        key={`${which}.${part}`}
        label={`${t(which === 'address' ? 'account.billingAddress' : 'account.shippingAddress')} · ${t(`common.${part}`)}`}
        value={v[which][part] ?? ''}
        maxLength={part === 'country' ? 2 : undefined}
        error={fieldError(`${which}.${part}`)}
        onChange={(e) => {
          const value = part === 'country' ? e.target.value.toUpperCase() : e.target.value;
          const next: Address = { ...v[which], [part]: value };
          if (value === '') delete next[part];
          draft.set(which, next);
        }}
      />
    ));
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const done = await action.run(() => commands.update(account.id, draft.changed));
    if (done !== undefined) {
      draft.reset();
      onDone();
    }
  };
  return (
    <form className="panel" onSubmit={(e) => void save(e)} aria-label={t('account.edit')}>
      <div className="form-grid">
        {text('name', t('common.name'))}
        {text('vatNumber', t('common.vatNumber'), t('account.vatHint'))}
        {text('taxCode', t('account.taxCode'), t('account.taxCodeHint'))}
        {text('sdiCode', t('account.sdiCode'), t('account.sdiHint'))}
        {text('pec', t('account.pec'))}
        <SelectField
          label={t('account.documentLanguage')}
          value={v.documentLanguage}
          onChange={(e) =>
            draft.set('documentLanguage', e.target.value as Account['documentLanguage'])
          }
          options={documentLanguages.map((l) => ({ value: l, label: t(`account.languages.${l}`) }))}
        />
        {text('email', t('common.email'))}
        {text('phone', t('common.phone'))}
        {text('website', t('common.website'))}
        {text('industry', t('account.industry'))}
        {addressFields('address')}
        {addressFields('shippingAddress')}
      </div>
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      <div className="toolbar">
        <Button type="submit" variant="primary" disabled={!draft.dirty || action.busy}>
          {t('common.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
};
