// An invoice: Mark as paid, Cancel; its lines and totals.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invoice } from '../../../../shared/domain/records';
import { routeHref } from '../../../app/router';
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
import { useInvoiceCommands } from '../commands';
import { useInvoice } from '../queries';

const tone: Record<Invoice['state'], string> = { active: 'info', paid: 'ok', canceled: 'neutral' };
const noEdit = () => Promise.resolve({ ok: true as const, value: undefined });

export const InvoiceDetail = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const invoice = useInvoice(id);
  if (invoice === undefined) return <p>{t('app.loading')}</p>;
  if (invoice === null) return <Notice kind="info">{t('app.notFound')}</Notice>;
  return <InvoiceView invoice={invoice} />;
};

const InvoiceView = ({ invoice: i }: { invoice: Invoice }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const commands = useInvoiceCommands();
  const action = useAction();
  const [confirmCancel, setConfirmCancel] = useState(false);
  return (
    <section className="page" aria-labelledby="invoice-title">
      <div className="page-head">
        <h1 id="invoice-title">{t('invoice.detail', { number: i.number })}</h1>
        <Badge tone={tone[i.state]}>{t(`invoice.statuses.${i.status}`)}</Badge>
        {i.state === 'active' ? (
          <>
            <Button
              variant="primary"
              onClick={() => void action.run(() => commands.markPaid(i.id))}
            >
              {t('invoice.markPaid')}
            </Button>
            <Button variant="danger" onClick={() => setConfirmCancel(true)}>
              {t('invoice.cancel')}
            </Button>
          </>
        ) : null}
      </div>
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      <div className="columns">
        <div className="page">
          <div className="panel">
            <dl className="read-grid">
              <ReadField label={t('common.name')}>{i.name}</ReadField>
              <ReadField label={t('invoice.issueDate')}>{fmt.date(i.issueDate)}</ReadField>
              <ReadField label={t('invoice.dueDate')}>{fmt.date(i.dueDate)}</ReadField>
              <ReadField label={t('invoice.paidDate')}>{fmt.date(i.paidDate)}</ReadField>
              <ReadField label={t('search.kinds.order')}>
                {i.orderId ? (
                  <a href={routeHref('orders', i.orderId)}>{t('search.kinds.order')}</a>
                ) : (
                  ''
                )}
              </ReadField>
            </dl>
          </div>
          <div className="panel">
            <LinesEditor
              lines={i.lines}
              currency={i.currency}
              priceListId={i.priceListId}
              readOnly
              onEdit={noEdit}
            />
            <TotalsTable totals={i.totals} currency={i.currency} />
          </div>
        </div>
        <Timeline regardingType="invoice" regardingId={i.id} />
      </div>
      {confirmCancel ? (
        <Dialog
          title={t('invoice.cancelTitle')}
          onClose={() => setConfirmCancel(false)}
          onSubmit={() =>
            void action.run(() => commands.cancel(i.id)).then(() => setConfirmCancel(false))
          }
          submitLabel={t('invoice.cancel')}
          submitVariant="danger"
          cancelLabel={t('common.close')}
        >
          <p>{t('invoice.cancelConfirm')}</p>
        </Dialog>
      ) : null}
    </section>
  );
};
