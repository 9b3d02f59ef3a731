// Currencies and the office's exchange rates (units of a currency per 1 EUR, as the ECB
// publishes them): the managers' totals in EUR use these.
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

const text = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : '';

export const RatesPanel = () => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const office = useOfficeCommands();
  const refdata = useOfficeData((o) => o.refdata());
  const action = useAction();
  const today = new Date().toISOString().slice(0, 10);
  const [rate, setRate] = useState({ code: '', rate: '', date: today });
  const [currency, setCurrency] = useState({ code: '', name: '', digits: '2' });
  const saveRate = async () => {
    const value = parseDecimal(rate.rate);
    const done = await action.run(() =>
      office.setExchangeRate(rate.code, { rate: value ?? Number.NaN, date: rate.date }),
    );
    if (done !== undefined) {
      setRate({ code: '', rate: '', date: today });
      refdata.reload();
    }
  };
  const saveCurrency = async () => {
    const done = await action.run(() =>
      office.setCurrency(currency.code, {
        name: currency.name,
        minorDigits: Number(currency.digits),
      }),
    );
    if (done !== undefined) {
      setCurrency({ code: '', name: '', digits: '2' });
      refdata.reload();
    }
  };
  return (
    <>
      {refdata.error ? <Notice kind="error">{refdata.error}</Notice> : null}
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      <section className="panel" aria-labelledby="rates-title">
        <h2 id="rates-title">{t('admin.rates.title')}</h2>
        <table className="grid" aria-labelledby="rates-title">
          <thead>
            <tr>
              <th>{t('common.currency')}</th>
              <th className="num">{t('admin.rates.perEur')}</th>
              <th>{t('admin.rates.date')}</th>
              <th>{t('common.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {(refdata.data?.exchangeRates ?? []).map((r) => (
              <tr key={r.id}>
                <td>{r.key}</td>
                <td className="num">{text(r.data.rate)}</td>
                <td>{fmt.date(text(r.data.date))}</td>
                <td>{fmt.dateTime(r.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form
          className="form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            void saveRate();
          }}
        >
          <TextField
            label={t('common.currency')}
            hint={t('admin.rates.codeHint')}
            value={rate.code}
            onChange={(e) => setRate({ ...rate, code: e.target.value })}
          />
          <TextField
            label={t('admin.rates.perEur')}
            inputMode="decimal"
            value={rate.rate}
            onChange={(e) => setRate({ ...rate, rate: e.target.value })}
          />
          <TextField
            label={t('admin.rates.date')}
            type="date"
            value={rate.date}
            onChange={(e) => setRate({ ...rate, date: e.target.value })}
          />
          <Button type="submit" variant="primary" disabled={action.busy}>
            {t('admin.rates.save')}
          </Button>
        </form>
      </section>
      <section className="panel" aria-labelledby="currencies-title">
        <h2 id="currencies-title">{t('admin.rates.currencies')}</h2>
        <table className="grid" aria-labelledby="currencies-title">
          <thead>
            <tr>
              <th>{t('common.currency')}</th>
              <th>{t('common.name')}</th>
              <th className="num">{t('admin.rates.decimals')}</th>
            </tr>
          </thead>
          <tbody>
            {(refdata.data?.currencies ?? []).map((c) => (
              <tr key={c.id}>
                <td>{c.key}</td>
                <td>{text(c.data.name)}</td>
                <td className="num">{text(c.data.minorDigits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form
          className="form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            void saveCurrency();
          }}
        >
          <TextField
            label={t('common.currency')}
            hint={t('admin.rates.codeHint')}
            value={currency.code}
            onChange={(e) => setCurrency({ ...currency, code: e.target.value })}
          />
          <TextField
            label={t('common.name')}
            value={currency.name}
            onChange={(e) => setCurrency({ ...currency, name: e.target.value })}
          />
          <TextField
            label={t('admin.rates.decimals')}
            inputMode="numeric"
            value={currency.digits}
            onChange={(e) => setCurrency({ ...currency, digits: e.target.value })}
          />
          <Button type="submit" disabled={action.busy}>
            {t('admin.rates.saveCurrency')}
          </Button>
        </form>
      </section>
    </>
  );
};
