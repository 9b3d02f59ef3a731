// Recording a payment against an invoice: date, method and amount (the open balance unless
// changed). An overpayment is refused by the rule with its message in the user's language.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openBalance } from '../../../../shared/domain/invoice-balance';
import type { Invoice, PaymentMethod } from '../../../../shared/domain/records';
import { paymentMethods } from '../../../../shared/domain/records';
import { useAction } from '../../../app/use-action';
import { inputToMinor, minorToInput } from '../../../i18n/format';
import { Dialog } from '../../../ui/Dialog';
import { SelectField, TextField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { useInvoiceCommands } from '../commands';

const todayDate = (): string => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};

export const PaymentDialog = ({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) => {
  const { t } = useTranslation();
  const commands = useInvoiceCommands();
  const action = useAction();
  const [date, setDate] = useState(todayDate);
  const [method, setMethod] = useState<PaymentMethod>('bank_transfer');
  const [amount, setAmount] = useState(minorToInput(openBalance(invoice), invoice.currency));
  const minor = inputToMinor(amount, invoice.currency);
  const submit = async () => {
    if (minor === null) return;
    const done = await action.run(() =>
      commands.recordPayment(invoice.id, { date, method, amount: minor }),
    );
    if (done !== undefined) onClose();
  };
  return (
    <Dialog
      title={t('payment.title', { number: invoice.number })}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('payment.record')}
      submitDisabled={minor === null || action.busy}
      cancelLabel={t('common.close')}
    >
      <div className="form-grid">
        <TextField
          label={t('payment.date')}
          type="date"
          required
          value={date}
          error={action.errorField === 'date' ? action.error : null}
          onChange={(e) => setDate(e.target.value)}
        />
        <SelectField
          label={t('payment.method')}
          value={method}
          onChange={(e) => setMethod(e.target.value as PaymentMethod)}
          options={paymentMethods.map((m) => ({ value: m, label: t(`payment.methods.${m}`) }))}
        />
        <TextField
          label={t('payment.amount', { currency: invoice.currency })}
          inputMode="decimal"
          required
          value={amount}
          error={
            minor === null
              ? t('payment.amountInvalid')
              : action.errorField === 'amount'
                ? action.error
                : null
          }
          onChange={(e) => setAmount(e.target.value)}
        />
      </div>
      {action.error && action.errorField !== 'amount' && action.errorField !== 'date' ? (
        <Notice kind="error">{action.error}</Notice>
      ) : null}
    </Dialog>
  );
};
