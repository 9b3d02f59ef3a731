// Document totals: lines, header discount, freight, taxable base, VAT per rate, total.
import { useTranslation } from 'react-i18next';
import type { Totals } from '../../../../shared/domain/records';
import { useFormat } from '../../../i18n/use-format';

export const TotalsTable = ({ totals, currency }: { totals: Totals; currency: string }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const m = (minor: number) => fmt.money(minor, currency);
  return (
    <table className="totals" aria-label={t('common.total')}>
      <tbody>
        <tr>
          <th scope="row">{t('totals.linesTotal')}</th>
          <td>{m(totals.linesTotal)}</td>
        </tr>
        {totals.discountTotal !== 0 ? (
          <tr>
            <th scope="row">{t('totals.discount')}</th>
            <td>−{m(totals.discountTotal)}</td>
          </tr>
        ) : null}
        {totals.freight !== 0 ? (
          <tr>
            <th scope="row">{t('totals.freight')}</th>
            <td>{m(totals.freight)}</td>
          </tr>
        ) : null}
        <tr>
          <th scope="row">{t('totals.taxable')}</th>
          <td>{m(totals.taxableTotal)}</td>
        </tr>
        {totals.vat.map((v) => (
          <tr key={v.rate}>
            <th scope="row">{t('totals.vat', { rate: fmt.rate(v.rate) })}</th>
            <td>{m(v.tax)}</td>
          </tr>
        ))}
        <tr className="grand">
          <th scope="row">{t('totals.grandTotal')}</th>
          <td data-testid="grand-total">{m(totals.grandTotal)}</td>
        </tr>
      </tbody>
    </table>
  );
};
