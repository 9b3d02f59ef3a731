// The actions of an active invoice: record a payment, record the full payment in one click,
// cancel (in full or in part) with a credit note.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invoice } from '../../../../shared/domain/records';
import { canRun } from '../../../../shared/domain/lifecycle-moves';
import type { ActionState } from '../../../app/use-action';
import { Button } from '../../../ui/Button';
import { useInvoiceCommands } from '../commands';
import { CreditNoteDialog } from './CreditNoteDialog';
import { PaymentDialog } from './PaymentDialog';

export const InvoiceActions = ({ invoice, action }: { invoice: Invoice; action: ActionState }) => {
  const { t } = useTranslation();
  const commands = useInvoiceCommands();
  const [dialog, setDialog] = useState<'payment' | 'credit' | null>(null);
  // Credit notes never move; an invoice takes payments and credits while the table allows.
  if (invoice.documentType !== 'invoice') return null;
  const canPay = canRun('invoice', 'markInvoicePaid', invoice);
  const canCredit = canRun('invoice', 'issueCreditNote', invoice);
  if (!canPay && !canCredit) return null;
  return (
    <>
      {canPay ? (
        <>
          <Button variant="primary" onClick={() => setDialog('payment')}>
            {t('payment.recordEllipsis')}
          </Button>
          <Button onClick={() => void action.run(() => commands.markPaid(invoice.id))}>
            {t('invoice.markPaid')}
          </Button>
        </>
      ) : null}
      {canCredit ? (
        <Button variant="danger" onClick={() => setDialog('credit')}>
          {t('creditNote.cancelWith')}
        </Button>
      ) : null}
      {dialog === 'payment' ? (
        <PaymentDialog invoice={invoice} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'credit' ? (
        <CreditNoteDialog invoice={invoice} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
};
