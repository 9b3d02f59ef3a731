// An order: Lock prices, Fulfil, Cancel, Create invoice; its lines and totals.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../../shared/domain/records';
import { navigate, routeHref } from '../../../app/router';
import { useAction } from '../../../app/use-action';
import { useFormat } from '../../../i18n/use-format';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { ReadField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { LinesEditor } from '../../lines/components/LinesEditor';
import { TotalsTable } from '../../documents/components/TotalsTable';
import { Timeline } from '../../timeline/components/Timeline';
import { useOrderCommands } from '../commands';
import { useOrder } from '../queries';

const tone: Record<Order['state'], string> = {
  active: 'info',
  fulfilled: 'warn',
  invoiced: 'ok',
  canceled: 'neutral',
};
const noEdit = () => Promise.resolve({ ok: true as const, value: undefined });

export const OrderDetail = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const order = useOrder(id);
  if (order === undefined) return <p>{t('app.loading')}</p>;
  if (order === null) return <Notice kind="info">{t('app.notFound')}</Notice>;
  return <OrderView order={order} />;
};

const OrderView = ({ order: o }: { order: Order }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const commands = useOrderCommands();
  const action = useAction();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const createInvoice = async () => {
    const invoice = await action.run(() => commands.createInvoice(o.id));
    if (invoice) navigate('invoices', invoice.id);
  };
  return (
    <section className="page" aria-labelledby="order-title">
      <div className="page-head">
        <h1 id="order-title">{t('order.detail', { number: o.number })}</h1>
        <Badge tone={tone[o.state]}>{t(`order.statuses.${o.status}`)}</Badge>
        {o.state === 'active' ? (
          <>
            {o.pricesLocked ? null : (
              <Button onClick={() => void action.run(() => commands.lockPrices(o.id))}>
                {t('order.lockPrices')}
              </Button>
            )}
            <Button variant="primary" onClick={() => void action.run(() => commands.fulfil(o.id))}>
              {t('order.fulfil')}
            </Button>
            <Button variant="danger" onClick={() => setConfirmCancel(true)}>
              {t('order.cancel')}
            </Button>
          </>
        ) : null}
        {o.state === 'fulfilled' ? (
          <Button variant="primary" onClick={() => void createInvoice()}>
            {t('order.createInvoice')}
          </Button>
        ) : null}
      </div>
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      <div className="columns">
        <div className="page">
          <div className="panel">
            <dl className="read-grid">
              <ReadField label={t('common.name')}>{o.name}</ReadField>
              <ReadField label={t('order.pricesLocked')}>
                {o.pricesLocked ? t('common.yes') : t('common.no')}
              </ReadField>
              <ReadField label={t('order.requestedDeliveryDate')}>
                {fmt.date(o.requestedDeliveryDate)}
              </ReadField>
              <ReadField label={t('order.fulfilledDate')}>{fmt.date(o.fulfilledDate)}</ReadField>
              <ReadField label={t('common.opportunity')}>
                {o.opportunityId ? (
                  <a href={routeHref('opportunities', o.opportunityId)}>
                    {t('common.opportunity')}
                  </a>
                ) : (
                  ''
                )}
              </ReadField>
              <ReadField label={t('nav.quotes')}>
                {o.quoteId ? (
                  <a href={routeHref('quotes', o.quoteId)}>{t('search.kinds.quote')}</a>
                ) : (
                  ''
                )}
              </ReadField>
            </dl>
          </div>
          <div className="panel">
            <LinesEditor
              lines={o.lines}
              currency={o.currency}
              priceListId={o.priceListId}
              readOnly
              onEdit={noEdit}
            />
            <TotalsTable totals={o.totals} currency={o.currency} />
          </div>
        </div>
        <Timeline regardingType="order" regardingId={o.id} />
      </div>
      {confirmCancel ? (
        <Dialog
          title={t('order.cancelTitle')}
          onClose={() => setConfirmCancel(false)}
          onSubmit={() =>
            void action.run(() => commands.cancel(o.id)).then(() => setConfirmCancel(false))
          }
          submitLabel={t('order.cancel')}
          submitVariant="danger"
          cancelLabel={t('common.close')}
        >
          <p>{t('order.cancelConfirm')}</p>
        </Dialog>
      ) : null}
    </section>
  );
};
