// An invoice or a credit note: its fields, payments and credits, lines and totals; on an
// active invoice, record payments and cancel with a credit note (InvoiceActions).
import { useTranslation } from 'react-i18next';
import type { Invoice } from '../../../../shared/domain/records';
import { useAction } from '../../../app/use-action';
import { useFormat } from '../../../i18n/use-format';
import { ReadField } from '../../../ui/Field';
import { OpportunityLink, OrderLink } from '../../documents/components/RecordLinks';
import { DocumentDetail, DocumentLoader } from '../../documents/components/DocumentDetail';
import { useInvoice } from '../queries';
import { InvoiceActions } from './InvoiceActions';
import { InvoiceSettlement } from './InvoiceSettlement';
import { documentStateLabel } from '../../documents/state-label';
import { Badge } from '../../../ui/Badge';
import { TermsFields } from '../../documents/components/TermsFields';
import { isOverdue, localToday } from '../../documents/list-filters';
import { EInvoiceButtons } from './EInvoiceButtons';

const tone: Record<Invoice['state'], string> = {
  active: 'info',
  paid: 'ok',
  canceled: 'neutral',
  issued: 'neutral',
};

export const InvoiceDetail = ({ id }: { id: string }) => (
  <DocumentLoader doc={useInvoice(id)}>
    {(invoice) => <InvoiceView invoice={invoice} />}
  </DocumentLoader>
);

const InvoiceView = ({ invoice: i }: { invoice: Invoice }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const action = useAction();
  const creditNote = i.documentType === 'creditNote';
  return (
    <DocumentDetail
      regardingType="invoice"
      doc={i}
      title={t(creditNote ? 'creditNote.detail' : 'invoice.detail', { number: i.number })}
      tone={tone[i.state]}
      statusLabel={documentStateLabel(t, 'invoice', i)}
      actions={<InvoiceActions invoice={i} action={action} />}
      error={action.error}
      fields={
        <>
          <ReadField label={t('common.name')}>{i.name}</ReadField>
          <ReadField label={t('invoice.issueDate')}>{fmt.date(i.issueDate)}</ReadField>
          {creditNote ? null : (
            <>
              <ReadField label={t('invoice.dueDate')}>
                {fmt.date(i.dueDate)}{' '}
                {isOverdue(i, localToday()) ? (
                  <Badge tone="danger">{t('documents.overdue')}</Badge>
                ) : null}
              </ReadField>
              <TermsFields kind="invoice" doc={i} />
              <ReadField label={t('invoice.paidDate')}>{fmt.date(i.paidDate)}</ReadField>
            </>
          )}
          <ReadField label={t('common.opportunity')}>
            {i.opportunityId ? <OpportunityLink id={i.opportunityId} /> : ''}
          </ReadField>
          <ReadField label={t('search.kinds.order')}>
            {i.orderId ? <OrderLink id={i.orderId} /> : ''}
          </ReadField>
        </>
      }
      aside={<InvoiceSettlement invoice={i} />}
      printSource={{ kind: 'invoice', doc: i }}
      printExtras={<EInvoiceButtons invoice={i} />}
      cancelDialog={null}
    />
  );
};
