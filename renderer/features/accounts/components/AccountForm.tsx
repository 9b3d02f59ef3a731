// Editing an account on the device (its owner, or a manager): name and contacts, billing and
// shipping address, VAT number, tax code, SDI code or PEC, and the documents' language.
import { useTranslation } from 'react-i18next';
import type { AccountPatch } from '../../../../shared/domain/account';
import type { Account, Address } from '../../../../shared/domain/records';
import { documentLanguages } from '../../../../shared/domain/records';
import { useAction } from '../../../app/use-action';
import { useDraft } from '../../../app/use-draft';
import { bindText } from '../../../ui/bind-field';
import type { TextKeys } from '../../../ui/bind-field';
import { EditForm } from '../../../ui/EditForm';
import { SelectField, TextField } from '../../../ui/Field';
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
  const field = bindText(v, draft.set);
  const text = (key: TextKeys<Editable>, label: string, hint?: string) => (
    <TextField
      label={label}
      hint={hint}
      {...field(key)}
      error={fieldError(key)}
      required={key === 'name'}
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
  return (
    <EditForm
      label={t('account.edit')}
      action={action}
      draft={draft}
      save={() => commands.update(account.id, draft.changed)}
      onDone={onDone}
    >
      {text('name', t('common.name'))}
      {text('vatNumber', t('common.vatNumber'), t('account.vatHint'))}
      {text('taxCode', t('account.taxCode'), t('account.taxCodeHint'))}
      {text('sdiCode', t('account.sdiCode'), t('account.sdiHint'))}
      {text('pec', t('account.pec'))}
      <SelectField
        label={t('account.documentLanguage')}
        {...field('documentLanguage')}
        options={documentLanguages.map((l) => ({ value: l, label: t(`account.languages.${l}`) }))}
      />
      {text('email', t('common.email'))}
      {text('phone', t('common.phone'))}
      {text('website', t('common.website'))}
      {text('industry', t('account.industry'))}
      {addressFields('address')}
      {addressFields('shippingAddress')}
    </EditForm>
  );
};
