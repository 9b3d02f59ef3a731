import { useTranslation } from 'react-i18next';
import { orderStates } from '../../../../shared/domain/records';
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
        kind="order"
        label={t('order.list')}
        docs={orders}
        states={orderStates}
        stateLabel={(s) => t(`order.states.${s}`)}
        statusLabel={(d) => documentStateLabel(t, 'order', d)}
        emptyText={t('order.empty')}
        dateHeader={t('common.created')}
        onOpen={(id) => navigate('orders', id)}
      />
    </section>
  );
};
