// An order: Lock prices, Fulfil, Cancel, Create invoice; its lines and totals.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../../shared/domain/records';
import { canRun } from '../../../../shared/domain/lifecycle-moves';
import { navigate } from '../../../app/router';
import { useAction } from '../../../app/use-action';
import { useFormat } from '../../../i18n/use-format';
import { Button } from '../../../ui/Button';
import { ReadField } from '../../../ui/Field';
import { OpportunityLink, QuoteLink } from '../../documents/components/RecordLinks';
import { DocumentDetail, DocumentLoader } from '../../documents/components/DocumentDetail';
import { TermsFields } from '../../documents/components/TermsFields';
import { useOrderCommands } from '../commands';
import { useOrder } from '../queries';
import { CustomerReferenceDialog } from './CustomerReferenceDialog';
import { documentStateLabel } from '../../documents/state-label';

const tone: Record<Order['state'], string> = {
  active: 'info',
  fulfilled: 'warn',
  invoiced: 'ok',
  canceled: 'neutral',
};

export const OrderDetail = ({ id }: { id: string }) => (
  <DocumentLoader doc={useOrder(id)}>{(order) => <OrderView order={order} />}</DocumentLoader>
);

const OrderView = ({ order: o }: { order: Order }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const commands = useOrderCommands();
  const action = useAction();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [editReference, setEditReference] = useState(false);
  const open = o.state === 'active' || o.state === 'fulfilled';
  const createInvoice = async () => {
    const invoice = await action.run(() => commands.createInvoice(o.id));
    if (invoice) navigate('invoices', invoice.id);
  };
  return (
    <DocumentDetail
      regardingType="order"
      doc={o}
      title={t('order.detail', { number: o.number })}
      tone={tone[o.state]}
      statusLabel={documentStateLabel(t, 'order', o)}
      actions={
        <>
          {o.state === 'active' && !o.pricesLocked ? (
            <Button onClick={() => void action.run(() => commands.lockPrices(o.id))}>
              {t('order.lockPrices')}
            </Button>
          ) : null}
          {canRun('order', 'fulfilOrder', o) ? (
            <Button variant="primary" onClick={() => void action.run(() => commands.fulfil(o.id))}>
              {t('order.fulfil')}
            </Button>
          ) : null}
          {canRun('order', 'cancelOrder', o) ? (
            <Button variant="danger" onClick={() => setConfirmCancel(true)}>
              {t('order.cancel')}
            </Button>
          ) : null}
          {canRun('order', 'createInvoiceFromOrder', o) ? (
            <Button variant="primary" onClick={() => void createInvoice()}>
              {t('order.createInvoice')}
            </Button>
          ) : null}
          {open ? (
            <Button onClick={() => setEditReference(true)}>
              {t('order.editCustomerReference')}
            </Button>
          ) : null}
          {editReference ? (
            <CustomerReferenceDialog order={o} onClose={() => setEditReference(false)} />
          ) : null}
        </>
      }
      error={action.error}
      fields={
        <>
          <ReadField label={t('common.name')}>{o.name}</ReadField>
          <ReadField label={t('order.pricesLocked')}>
            {o.pricesLocked ? t('common.yes') : t('common.no')}
          </ReadField>
          <ReadField label={t('order.requestedDeliveryDate')}>
            {fmt.date(o.requestedDeliveryDate)}
          </ReadField>
          <ReadField label={t('order.fulfilledDate')}>{fmt.date(o.fulfilledDate)}</ReadField>
          <TermsFields kind="order" doc={o} />
          <ReadField label={t('common.opportunity')}>
            {o.opportunityId ? <OpportunityLink id={o.opportunityId} /> : ''}
          </ReadField>
          <ReadField label={t('search.kinds.quote')}>
            {o.quoteId ? <QuoteLink id={o.quoteId} /> : ''}
          </ReadField>
        </>
      }
      printSource={{ kind: 'order', doc: o }}
      cancelDialog={
        confirmCancel
          ? {
              title: t('order.cancelTitle'),
              confirm: t('order.cancelConfirm'),
              submitLabel: t('order.cancel'),
              onClose: () => setConfirmCancel(false),
              onSubmit: () =>
                void action.run(() => commands.cancel(o.id)).then(() => setConfirmCancel(false)),
            }
          : null
      }
    />
  );
};
