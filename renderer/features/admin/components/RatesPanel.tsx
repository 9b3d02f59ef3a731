// Currencies and the office's exchange rates (units of a currency per 1 EUR, as the ECB
// publishes them): the managers' totals in EUR use these.
import { useState } from 'react';
import type { ComponentProps, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../../app/use-action';
import { parseDecimal } from '../../../i18n/format';
import { useFormat } from '../../../i18n/use-format';
import { bindText, setIn } from '../../../ui/bind-field';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { useOfficeCommands } from '../commands';
import { useOfficeData } from '../queries';

const text = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : '';

/** The form under a table that adds or changes one currency's row: its code, then the rest. */
const CurrencyEntryForm = ({
  code,
  onSave,
  children,
}: {
  code: Pick<ComponentProps<'input'>, 'value' | 'onChange'>;
  onSave: () => Promise<void>;
  children: ReactNode;
}) => {
  const { t } = useTranslation();
  return (
    <form
      className="form-grid"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave();
      }}
    >
      <TextField label={t('common.currency')} hint={t('admin.rates.codeHint')} {...code} />
      {children}
    </form>
  );
};

export const RatesPanel = () => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const office = useOfficeCommands();
  const refdata = useOfficeData((o) => o.refdata());
  const action = useAction();
  const today = new Date().toISOString().slice(0, 10);
  const [rate, setRate] = useState({ code: '', rate: '', date: today });
  const [currency, setCurrency] = useState({ code: '', name: '', digits: '2' });
  const rateField = bindText(rate, setIn(setRate));
  const currencyField = bindText(currency, setIn(setCurrency));
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
        <CurrencyEntryForm code={rateField('code')} onSave={saveRate}>
          <TextField label={t('admin.rates.perEur')} inputMode="decimal" {...rateField('rate')} />
          <TextField label={t('admin.rates.date')} type="date" {...rateField('date')} />
          <Button type="submit" variant="primary" disabled={action.busy}>
            {t('admin.rates.save')}
          </Button>
        </CurrencyEntryForm>
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
        <CurrencyEntryForm code={currencyField('code')} onSave={saveCurrency}>
          <TextField label={t('common.name')} {...currencyField('name')} />
          <TextField
            label={t('admin.rates.decimals')}
            inputMode="numeric"
            {...currencyField('digits')}
          />
          <Button type="submit" disabled={action.busy}>
            {t('admin.rates.saveCurrency')}
          </Button>
        </CurrencyEntryForm>
      </section>
    </>
  );
};
