// The quote header: name, header discount, freight, validity and terms, with totals that
// update live as the seller types (computed by the same domain function the store uses).
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { computeTotals } from '../../../../shared/domain/money';
import type { HeaderDiscount, Quote } from '../../../../shared/domain/records';
import { useAction } from '../../../app/use-action';
import { inputToMinor, minorToInput, parseDecimal } from '../../../i18n/format';
import { Button } from '../../../ui/Button';
import { DateField } from '../../../ui/DateField';
import { SelectField, TextArea, TextField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { TotalsTable } from '../../documents/components/TotalsTable';
import { useQuoteCommands } from '../commands';

type Form = {
  name: string;
  discountKind: 'none' | HeaderDiscount['kind'];
  discount: string;
  freight: string;
  validFrom: string;
  validTo: string;
  paymentTerms: string;
  deliveryTerms: string;
};

const toForm = (q: Quote): Form => ({
  name: q.name,
  discountKind: q.headerDiscount?.kind ?? 'none',
  discount:
    q.headerDiscount === null
      ? ''
      : q.headerDiscount.kind === 'percent'
        ? String(q.headerDiscount.value / 100)
        : minorToInput(q.headerDiscount.value, q.currency),
  freight: q.freight === 0 ? '' : minorToInput(q.freight, q.currency),
  validFrom: q.validFrom ?? '',
  validTo: q.validTo ?? '',
  paymentTerms: q.paymentTerms,
  deliveryTerms: q.deliveryTerms,
});

const headerDiscountOf = (form: Form, currency: string): HeaderDiscount | null | undefined => {
  if (form.discountKind === 'none' || form.discount.trim() === '') return null;
  if (form.discountKind === 'percent') {
    const percent = parseDecimal(form.discount);
    return percent === null ? undefined : { kind: 'percent', value: Math.round(percent * 100) };
  }
  const amount = inputToMinor(form.discount, currency);
  return amount === null ? undefined : { kind: 'amount', value: amount };
};

export const QuoteHeaderForm = ({ quote: q }: { quote: Quote }) => {
  const { t } = useTranslation();
  const commands = useQuoteCommands();
  const action = useAction();
  const [edits, setEdits] = useState<Partial<Form>>({});
  const form = { ...toForm(q), ...edits };
  const set = (key: keyof Form, value: string) => setEdits((e) => ({ ...e, [key]: value }));
  const readOnly = q.state !== 'draft';
  const headerDiscount = headerDiscountOf(form, q.currency);
  const freight = form.freight.trim() === '' ? 0 : inputToMinor(form.freight, q.currency);
  const valid = headerDiscount !== undefined && freight !== null && freight >= 0;
  const live =
    valid && Object.keys(edits).length > 0
      ? computeTotals({ lines: q.lines, headerDiscount, freight, freightVatRate: q.freightVatRate })
      : q.totals;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    const done = await action.run(() =>
      commands.update(q.id, {
        name: form.name,
        headerDiscount,
        freight,
        validFrom: form.validFrom || null,
        validTo: form.validTo || null,
        paymentTerms: form.paymentTerms,
        deliveryTerms: form.deliveryTerms,
      }),
    );
    if (done !== undefined) setEdits({});
  };

  return (
    <form className="panel" onSubmit={(e) => void save(e)} aria-label={t('common.details')}>
      <div className="form-grid">
        <TextField
          label={t('quote.name')}
          value={form.name}
          readOnly={readOnly}
          onChange={(e) => set('name', e.target.value)}
        />
        <SelectField
          label={t('quote.discountKind')}
          value={form.discountKind}
          disabled={readOnly}
          onChange={(e) => set('discountKind', e.target.value)}
          options={[
            { value: 'none', label: t('common.none') },
            { value: 'percent', label: t('quote.discountKinds.percent') },
            { value: 'amount', label: t('quote.discountKinds.amount') },
          ]}
        />
        <TextField
          label={`${t('quote.headerDiscount')} (${form.discountKind === 'percent' ? '%' : q.currency})`}
          inputMode="decimal"
          value={form.discount}
          readOnly={readOnly || form.discountKind === 'none'}
          onChange={(e) => set('discount', e.target.value)}
          error={headerDiscount === undefined ? t('errors.number') : null}
        />
        <TextField
          label={`${t('quote.freight')} (${q.currency})`}
          inputMode="decimal"
          value={form.freight}
          readOnly={readOnly}
          onChange={(e) => set('freight', e.target.value)}
          error={freight === null ? t('errors.number') : null}
        />
        <DateField
          label={t('quote.validFrom')}
          value={form.validFrom}
          readOnly={readOnly}
          onChange={(iso) => set('validFrom', iso)}
        />
        <DateField
          label={t('quote.validTo')}
          value={form.validTo}
          readOnly={readOnly}
          onChange={(iso) => set('validTo', iso)}
        />
        <TextArea
          label={t('quote.paymentTerms')}
          value={form.paymentTerms}
          readOnly={readOnly}
          onChange={(e) => set('paymentTerms', e.target.value)}
        />
        <TextArea
          label={t('quote.deliveryTerms')}
          value={form.deliveryTerms}
          readOnly={readOnly}
          onChange={(e) => set('deliveryTerms', e.target.value)}
        />
      </div>
      <TotalsTable totals={live} currency={q.currency} />
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      {readOnly ? null : (
        <div className="toolbar">
          <Button
            type="submit"
            variant="primary"
            disabled={Object.keys(edits).length === 0 || !valid || action.busy}
          >
            {t('common.save')}
          </Button>
        </div>
      )}
    </form>
  );
};
