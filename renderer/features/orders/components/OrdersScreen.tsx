import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/router';
import { DocumentList } from '../../documents/components/DocumentList';
import { useOrderList } from '../queries';
import { documentStateLabel } from '../../documents/state-label';

export const OrdersScreen = () => {
  const { t } = useTranslation();
  const orders = useOrderList();
  return (
    <section className="page" aria-labelledby="orders-title">
      <div className="page-head">
        <h1 id="orders-title">{t('order.title')}</h1>
      </div>
      <DocumentList
        label={t('order.list')}
        rows={orders?.map((o) => ({
          id: o.id,
          number: o.number,
          name: o.name,
          state: o.state,
          statusLabel: documentStateLabel(t, 'order', o),
          date: o.createdAt,
          currency: o.currency,
          totals: o.totals,
        }))}
        emptyText={t('order.empty')}
        dateHeader={t('common.created')}
        onOpen={(id) => navigate('orders', id)}
      />
    </section>
  );
};
