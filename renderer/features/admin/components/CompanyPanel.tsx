// The company's legal identity on documents and e-invoices. The server checks every field
// (shared/domain/company.ts) and names each wrong one; devices get it at their next sync.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../../../shared/domain/company';
import { useAction } from '../../../app/use-action';
import { Button } from '../../../ui/Button';
import { TextArea, TextField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { useOfficeCommands } from '../commands';
import { useOfficeData } from '../queries';

const blank: Company = {
  name: '',
  vatNumber: '',
  taxCode: '',
  taxRegime: 'RF01',
  rea: null,
  address: { street: '', streetNumber: '', postalCode: '', city: '', province: '', country: 'IT' },
  iban: '',
  bic: '',
  bank: '',
  phone: '',
  email: '',
  pec: '',
  logo: '',
  paymentDays: 30,
  paymentTerms: { it: '', en: '' },
  footer: { it: '', en: '' },
  consent: { it: '', en: '' },
};

type Plain = 'name' | 'vatNumber' | 'taxCode' | 'iban' | 'bic' | 'bank' | 'phone' | 'email' | 'pec';
type AddressPart = keyof Company['address'];
type Texts = 'paymentTerms' | 'footer' | 'consent';

export const CompanyPanel = () => {
  const { t } = useTranslation();
  const stored = useOfficeData((o) => o.company());
  if (stored.error) return <Notice kind="error">{stored.error}</Notice>;
  if (!stored.data) return <p>{t('app.loading')}</p>;
  return (
    <>
      {stored.data.company ? null : <p>{t('admin.company.none')}</p>}
      <CompanyForm initial={stored.data.company ?? blank} />
    </>
  );
};

const CompanyForm = ({ initial }: { initial: Company }) => {
  const { t } = useTranslation();
  const office = useOfficeCommands();
  const action = useAction();
  const [form, setForm] = useState<Company>(initial);
  const [saved, setSaved] = useState(false);
  const plain = (k: Plain) => (
    <TextField
      key={k}
      label={t(`admin.company.${k}`)}
      value={form[k]}
      onChange={(e) => setForm({ ...form, [k]: e.target.value })}
    />
  );
  const address = (k: AddressPart) => (
    <TextField
      key={k}
      label={t(`admin.company.address.${k}`)}
      value={form.address[k]}
      onChange={(e) => setForm({ ...form, address: { ...form.address, [k]: e.target.value } })}
    />
  );
  const texts = (k: Texts) =>
    (['it', 'en'] as const).map((lang) => (
      <TextArea
        key={`${k}-${lang}`}
        label={t(`admin.company.${k}`, { lang: lang.toUpperCase() })}
        rows={2}
        value={form[k][lang]}
        onChange={(e) => setForm({ ...form, [k]: { ...form[k], [lang]: e.target.value } })}
      />
    ));
  const save = async () => {
    setSaved(false);
    if ((await action.run(() => office.setCompany(form))) !== undefined) setSaved(true);
  };
  return (
    <form
      className="panel"
      aria-label={t('admin.tabs.company')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="form-grid">
        {(['name', 'vatNumber', 'taxCode'] as const).map(plain)}
        <TextField
          label={t('admin.company.taxRegime')}
          value={form.taxRegime}
          onChange={(e) => setForm({ ...form, taxRegime: e.target.value as Company['taxRegime'] })}
        />
        {(['street', 'streetNumber', 'postalCode', 'city', 'province', 'country'] as const).map(
          address,
        )}
        {(['iban', 'bic', 'bank', 'phone', 'email', 'pec'] as const).map(plain)}
        <TextField
          label={t('admin.company.paymentDays')}
          inputMode="numeric"
          value={String(form.paymentDays)}
          onChange={(e) => setForm({ ...form, paymentDays: Number(e.target.value) })}
        />
        {texts('paymentTerms')}
        {texts('footer')}
        {texts('consent')}
      </div>
      {action.error ? (
        <Notice kind="error">
          <span style={{ whiteSpace: 'pre-line' }}>{action.error}</span>
        </Notice>
      ) : null}
      {saved ? <Notice kind="success">{t('admin.company.saved')}</Notice> : null}
      <Button type="submit" variant="primary" disabled={action.busy}>
        {t('common.save')}
      </Button>
    </form>
  );
};
