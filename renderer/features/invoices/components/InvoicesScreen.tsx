import { useTranslation } from 'react-i18next';
import { invoiceStates } from '../../../../shared/domain/records';
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
        kind="invoice"
        label={t('invoice.list')}
        docs={invoices}
        states={invoiceStates}
        stateLabel={(s) => t(`invoice.states.${s}`)}
        statusLabel={(d) => documentStateLabel(t, 'invoice', d)}
        emptyText={t('invoice.empty')}
        dateHeader={t('invoice.issueDate')}
        onOpen={(id) => navigate('invoices', id)}
      />
    </section>
  );
};
