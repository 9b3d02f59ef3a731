import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/router';
import { DocumentList } from '../../documents/components/DocumentList';
import { useInvoiceList } from '../queries';
import { documentStateLabel } from '../../documents/state-label';

export const InvoicesScreen = () => {
  const { t } = useTranslation();
  const invoices = useInvoiceList();
  return (
    <section className="page" aria-labelledby="invoices-title">
      <div className="page-head">
        <h1 id="invoices-title">{t('invoice.title')}</h1>
      </div>
      <DocumentList
        label={t('invoice.list')}
        rows={invoices?.map((o) => ({
          id: o.id,
          number: o.number,
          name: o.name,
          state: o.state,
          statusLabel: documentStateLabel(t, 'invoice', o),
          date: o.issueDate,
          currency: o.currency,
          totals: o.totals,
        }))}
        emptyText={t('invoice.empty')}
        dateHeader={t('invoice.issueDate')}
        onOpen={(id) => navigate('invoices', id)}
      />
    </section>
  );
};
