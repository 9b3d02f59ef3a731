// VAT rates: the rates products and lines may carry, with their labels on documents and,
// for a zero rate, the FatturaPA Natura code that says why no VAT is charged.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../../app/use-action';
import { parseDecimal } from '../../../i18n/format';
import { useFormat } from '../../../i18n/use-format';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { useOfficeCommands } from '../commands';
import { useOfficeData } from '../queries';

const labelOf = (data: Record<string, unknown>, language: string): string => {
  const label = data.label as { en?: unknown; it?: unknown } | undefined;
  const text = language.startsWith('it') ? label?.it : label?.en;
  return typeof text === 'string' ? text : '';
};

export const VatPanel = () => {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const office = useOfficeCommands();
  const refdata = useOfficeData((o) => o.refdata());
  const action = useAction();
  const empty = { percent: '', labelEn: '', labelIt: '', natura: '' };
  const [form, setForm] = useState(empty);
  const save = async () => {
    const percent = parseDecimal(form.percent);
    const basisPoints = percent === null ? Number.NaN : Math.round(percent * 100);
    const done = await action.run(() =>
      office.setVatRate(basisPoints, {
        labelEn: form.labelEn,
        labelIt: form.labelIt,
        ...(form.natura.trim() ? { natura: form.natura.trim() } : {}),
      }),
    );
    if (done !== undefined) {
      setForm(empty);
      refdata.reload();
    }
  };
  const rates = [...(refdata.data?.vatRates ?? [])].sort((a, b) => Number(b.key) - Number(a.key));
  return (
    <>
      {refdata.error ? <Notice kind="error">{refdata.error}</Notice> : null}
      <table className="grid" aria-label={t('admin.tabs.vat')}>
        <thead>
          <tr>
            <th className="num">{t('admin.vat.rate')}</th>
            <th>{t('admin.vat.label')}</th>
            <th>{t('admin.vat.natura')}</th>
          </tr>
        </thead>
        <tbody>
          {rates.map((r) => (
            <tr key={r.id}>
              <td className="num">{fmt.rate(Number(r.key))}</td>
              <td>{labelOf(r.data, i18n.language)}</td>
              <td>{typeof r.data.natura === 'string' ? r.data.natura : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="panel form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <TextField
          label={t('admin.vat.percent')}
          inputMode="decimal"
          value={form.percent}
          onChange={(e) => setForm({ ...form, percent: e.target.value })}
        />
        <TextField
          label={t('admin.vat.labelEn')}
          value={form.labelEn}
          onChange={(e) => setForm({ ...form, labelEn: e.target.value })}
        />
        <TextField
          label={t('admin.vat.labelIt')}
          value={form.labelIt}
          onChange={(e) => setForm({ ...form, labelIt: e.target.value })}
        />
        <TextField
          label={t('admin.vat.natura')}
          hint={t('admin.vat.naturaHint')}
          value={form.natura}
          onChange={(e) => setForm({ ...form, natura: e.target.value })}
        />
        {action.error ? <Notice kind="error">{action.error}</Notice> : null}
        <Button type="submit" variant="primary" disabled={action.busy}>
          {t('admin.vat.save')}
        </Button>
      </form>
    </>
  );
};
