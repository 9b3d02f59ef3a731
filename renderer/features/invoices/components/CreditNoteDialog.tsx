// "Cancel with credit note": which lines, how much of each (all that is left by default),
// and the freight; the credit note gets its own NC number and page.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { creditedFreight, creditedQuantity } from '../../../../shared/domain/invoice-balance';
import { roundQuantity } from '../../../../shared/domain/money';
import type { Invoice } from '../../../../shared/domain/records';
import { navigate } from '../../../app/router';
import { useAction } from '../../../app/use-action';
import { useFormat } from '../../../i18n/use-format';
import { Dialog } from '../../../ui/Dialog';
import { CheckboxField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { useInvoiceCommands } from '../commands';

const parseQuantity = (text: string): number | null => {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(value) || value < 0 ? null : value;
};

export const CreditNoteDialog = ({
  invoice,
  onClose,
}: {
  invoice: Invoice;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const commands = useInvoiceCommands();
  const action = useAction();
  const left = (lineId: string, quantity: number) =>
    roundQuantity(quantity - creditedQuantity(invoice, lineId));
  const [quantities, setQuantities] = useState<Record<string, string>>(() =>
    Object.fromEntries(invoice.lines.map((l) => [l.id, String(left(l.id, l.quantity))])),
  );
  const freightLeft = invoice.freight - creditedFreight(invoice);
  const [freight, setFreight] = useState(freightLeft > 0);
  const parsed = invoice.lines.map((l) => ({
    lineId: l.id,
    quantity: parseQuantity(quantities[l.id] ?? ''),
  }));
  const invalid = parsed.some((p) => p.quantity === null);
  const submit = async () => {
    const lines = parsed.flatMap((p) =>
      p.quantity !== null && p.quantity > 0 ? [{ lineId: p.lineId, quantity: p.quantity }] : [],
    );
    const done = await action.run(() =>
      commands.issueCreditNote(invoice.id, { lines, includeFreight: freight }),
    );
    if (done !== undefined) {
      onClose();
      navigate('invoices', done.creditNote.id);
    }
  };
  return (
    <Dialog
      title={t('creditNote.dialogTitle', { number: invoice.number })}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('creditNote.issue')}
      submitVariant="danger"
      submitDisabled={invalid || action.busy}
      cancelLabel={t('common.close')}
      wide
    >
      <p>{t('creditNote.explain')}</p>
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">{t('creditNote.line')}</th>
            <th scope="col">{t('creditNote.invoiced')}</th>
            <th scope="col">{t('creditNote.left')}</th>
            <th scope="col">{t('creditNote.quantity')}</th>
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((l) => (
            <tr key={l.id}>
              <td>{l.name}</td>
              <td>{fmt.quantity(l.quantity)}</td>
              <td>{fmt.quantity(left(l.id, l.quantity))}</td>
              <td>
                <input
                  autoComplete="off"
                  aria-label={t('creditNote.quantityOf', { name: l.name })}
                  inputMode="decimal"
                  value={quantities[l.id] ?? ''}
                  aria-invalid={parseQuantity(quantities[l.id] ?? '') === null ? true : undefined}
                  onChange={(e) => setQuantities((q) => ({ ...q, [l.id]: e.target.value }))}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {freightLeft > 0 ? (
        <CheckboxField
          label={t('creditNote.includeFreight', {
            amount: fmt.money(freightLeft, invoice.currency),
          })}
          checked={freight}
          onChange={(e) => setFreight(e.target.checked)}
        />
      ) : null}
      {invalid ? <Notice kind="error">{t('creditNote.quantityInvalid')}</Notice> : null}
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
    </Dialog>
  );
};
