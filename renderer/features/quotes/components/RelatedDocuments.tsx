// The quotes, orders and invoices of an opportunity or an account.
import { useTranslation } from 'react-i18next';
import { routeHref } from '../../../app/router';
import type { Section } from '../../../app/router';
import { useFormat } from '../../../i18n/use-format';
import { useRelatedDocuments } from '../queries';
import { documentStateLabel } from '../../documents/state-label';

type Props = { opportunityId?: string; accountId?: string };

export const RelatedDocuments = ({ opportunityId, accountId }: Props) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const docs = useRelatedDocuments({ opportunityId, accountId });
  const section: Record<string, Section> = {
    quote: 'quotes',
    order: 'orders',
    invoice: 'invoices',
  };
  return (
    <section className="panel" aria-labelledby="related-docs">
      <h2 id="related-docs">{t('account.documents')}</h2>
      {docs?.length === 0 ? <p className="hint">{t('quote.empty')}</p> : null}
      <table className="grid">
        <tbody>
          {(docs ?? []).map((d) => (
            <tr key={d.id}>
              <td>{t(`search.kinds.${d.kind}`)}</td>
              <td>
                <a href={routeHref(section[d.kind] ?? 'quotes', d.id)}>{d.number}</a>
              </td>
              <td>{documentStateLabel(t, d.kind, d)}</td>
              <td className="num">{fmt.money(d.grandTotal, d.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};
