// An invoice: Mark as paid, Cancel; its lines and totals.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invoice } from '../../../../shared/domain/records';
import { routeHref } from '../../../app/router';
import { useAction } from '../../../app/use-action';
import { useFormat } from '../../../i18n/use-format';
import { Button } from '../../../ui/Button';
import { ReadField } from '../../../ui/Field';
import { Badge } from '../../../ui/Badge';
import { DocumentDetail, DocumentLoader } from '../../documents/components/DocumentDetail';
import { TermsFields } from '../../documents/components/TermsFields';
import { isOverdue, localToday } from '../../documents/list-filters';
import { useInvoiceCommands } from '../commands';
import { useInvoice } from '../queries';
import { EInvoiceButtons } from './EInvoiceButtons';

const tone: Record<Invoice['state'], string> = { active: 'info', paid: 'ok', canceled: 'neutral' };

export const InvoiceDetail = ({ id }: { id: string }) => (
  <DocumentLoader doc={useInvoice(id)}>
    {(invoice) => <InvoiceView invoice={invoice} />}
  </DocumentLoader>
);

const InvoiceView = ({ invoice: i }: { invoice: Invoice }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const commands = useInvoiceCommands();
  const action = useAction();
  const [confirmCancel, setConfirmCancel] = useState(false);
  return (
    <DocumentDetail
      regardingType="invoice"
      doc={i}
      title={t('invoice.detail', { number: i.number })}
      tone={tone[i.state]}
      statusLabel={t(`invoice.statuses.${i.status}`)}
      actions={
        i.state === 'active' ? (
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
        ) : null
      }
      error={action.error}
      fields={
        <>
          <ReadField label={t('common.name')}>{i.name}</ReadField>
          <ReadField label={t('invoice.issueDate')}>{fmt.date(i.issueDate)}</ReadField>
          <ReadField label={t('invoice.dueDate')}>
            {fmt.date(i.dueDate)}{' '}
            {isOverdue(i, localToday()) ? (
              <Badge tone="danger">{t('documents.overdue')}</Badge>
            ) : null}
          </ReadField>
          <TermsFields kind="invoice" doc={i} />
          <ReadField label={t('invoice.paidDate')}>{fmt.date(i.paidDate)}</ReadField>
          <ReadField label={t('search.kinds.order')}>
            {i.orderId ? (
              <a href={routeHref('orders', i.orderId)}>{t('search.kinds.order')}</a>
            ) : (
              ''
            )}
          </ReadField>
        </>
      }
      printSource={{ kind: 'invoice', doc: i }}
      printExtras={<EInvoiceButtons invoice={i} />}
      cancelDialog={
        confirmCancel
          ? {
              title: t('invoice.cancelTitle'),
              confirm: t('invoice.cancelConfirm'),
              submitLabel: t('invoice.cancel'),
              onClose: () => setConfirmCancel(false),
              onSubmit: () =>
                void action.run(() => commands.cancel(i.id)).then(() => setConfirmCancel(false)),
            }
          : null
      }
    />
  );
};
