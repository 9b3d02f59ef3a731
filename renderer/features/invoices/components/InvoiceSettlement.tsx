// What was paid and credited on an invoice, and what is still open; on a credit note, the
// invoice it corrects.
import { useTranslation } from 'react-i18next';
import { creditedTotal, openBalance, paidTotal } from '../../../../shared/domain/invoice-balance';
import type { Invoice } from '../../../../shared/domain/records';
import { routeHref } from '../../../app/router';
import { useFormat } from '../../../i18n/use-format';
import { ReadField } from '../../../ui/Field';

export const InvoiceSettlement = ({ invoice: i }: { invoice: Invoice }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const m = (minor: number) => fmt.money(minor, i.currency);
  if (i.documentType === 'creditNote') {
    return (
      <section className="panel" aria-labelledby="credit-note-of">
        <h2 id="credit-note-of">{t('creditNote.corrects')}</h2>
        <dl className="read-grid">
          <ReadField label={t('creditNote.correctedInvoice')}>
            {i.correctedInvoiceId ? (
              <a href={routeHref('invoices', i.correctedInvoiceId)}>{i.correctedInvoiceNumber}</a>
            ) : (
              ''
            )}
          </ReadField>
          <ReadField label={t('invoice.issueDate')}>{fmt.date(i.correctedInvoiceDate)}</ReadField>
        </dl>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="invoice-settlement">
      <h2 id="invoice-settlement">{t('payment.settlement')}</h2>
      <dl className="read-grid">
        <ReadField label={t('common.total')}>{m(i.totals.grandTotal)}</ReadField>
        <ReadField label={t('creditNote.credited')}>{m(creditedTotal(i))}</ReadField>
        <ReadField label={t('payment.paid')}>{m(paidTotal(i))}</ReadField>
        <ReadField label={t('payment.balance')}>
          <strong data-testid="open-balance">{m(Math.max(0, openBalance(i)))}</strong>
        </ReadField>
      </dl>
      {i.payments.length > 0 ? (
        <table className="grid" aria-label={t('payment.list')}>
          <thead>
            <tr>
              <th scope="col">{t('payment.date')}</th>
              <th scope="col">{t('payment.method')}</th>
              <th scope="col">{t('payment.amountShort')}</th>
            </tr>
          </thead>
          <tbody>
            {i.payments.map((p) => (
              <tr key={p.id}>
                <td>{fmt.date(p.date)}</td>
                <td>{t(`payment.methods.${p.method}`)}</td>
                <td>{m(p.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {i.credits.length > 0 ? (
        <table className="grid" aria-label={t('creditNote.list')}>
          <thead>
            <tr>
              <th scope="col">{t('creditNote.number')}</th>
              <th scope="col">{t('invoice.issueDate')}</th>
              <th scope="col">{t('payment.amountShort')}</th>
            </tr>
          </thead>
          <tbody>
            {i.credits.map((c) => (
              <tr key={c.creditNoteId}>
                <td>
                  <a href={routeHref('invoices', c.creditNoteId)}>{c.number}</a>
                </td>
                <td>{fmt.date(c.issueDate)}</td>
                <td>{m(c.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
};
