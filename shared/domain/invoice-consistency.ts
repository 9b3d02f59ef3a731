// What the server checks on every pushed invoice or credit note (DESIGN.md §3): a credit note
// references its invoice and is issued; an invoice's payments never exceed what was not
// credited, credits never exceed what was invoiced, and its state follows both.
import type { Result } from './errors';
import { fail, ok } from './errors';
import {
  creditedFreight,
  creditedQuantity,
  creditedTotal,
  fullyCredited,
  openBalance,
} from './invoice-balance';
import type { Invoice } from './records';

const creditNoteRules = (cn: Invoice): Result<void> => {
  if (
    cn.correctedInvoiceId === null ||
    cn.correctedInvoiceNumber === null ||
    cn.correctedInvoiceDate === null
  ) {
    return fail(
      'credit_note.no_invoice',
      'A credit note must name the invoice it corrects.',
      'Una nota di credito deve indicare la fattura che rettifica.',
      'correctedInvoiceId',
    );
  }
  if (cn.state !== 'issued') {
    return fail(
      'change.illegal_transition',
      'A credit note is issued once and has no other state.',
      'Una nota di credito viene emessa una volta e non ha altri stati.',
      'state',
    );
  }
  if (cn.payments.length > 0 || cn.credits.length > 0) {
    return fail(
      'credit_note.no_payments',
      'A credit note has no payments and no credits of its own.',
      'Una nota di credito non ha pagamenti né storni propri.',
      cn.payments.length > 0 ? 'payments' : 'credits',
    );
  }
  if (cn.correctedInvoiceDate > cn.issueDate) {
    return fail(
      'credit_note.before_invoice',
      'A credit note cannot be dated before the invoice it corrects.',
      'Una nota di credito non può avere una data precedente alla fattura che rettifica.',
      'issueDate',
    );
  }
  return ok(undefined);
};

const invoiceRules = (inv: Invoice): Result<void> => {
  if (inv.state === 'issued' || inv.correctedInvoiceId !== null) {
    return fail(
      'change.illegal_transition',
      'Only a credit note is issued against another invoice.',
      "Solo una nota di credito rettifica un'altra fattura.",
      inv.state === 'issued' ? 'state' : 'correctedInvoiceId',
    );
  }
  for (const [i, line] of inv.lines.entries()) {
    if (creditedQuantity(inv, line.id) > line.quantity) {
      return fail(
        'credit_note.over_credit',
        `Line ${i + 1} is credited for more than was invoiced.`,
        `La riga ${i + 1} è stornata per più di quanto fatturato.`,
        `lines.${i}`,
      );
    }
  }
  const unknown = inv.credits
    .flatMap((c) => c.lines)
    .find((l) => !inv.lines.some((x) => x.id === l.lineId));
  if (unknown !== undefined || creditedFreight(inv) > inv.freight) {
    return fail(
      'credit_note.over_credit',
      unknown !== undefined
        ? 'A credit note names a line that is not on the invoice.'
        : 'The freight is credited for more than was invoiced.',
      unknown !== undefined
        ? 'Una nota di credito indica una riga che non è nella fattura.'
        : 'Il trasporto è stornato per più di quanto fatturato.',
      'credits',
    );
  }
  if (openBalance(inv) < 0 && inv.payments.length > 0) {
    return fail(
      'payment.over_balance',
      'The payments are more than the invoice total less its credit notes.',
      'I pagamenti superano il totale della fattura meno le note di credito.',
      'payments',
    );
  }
  if (creditedTotal(inv) > 0 && fullyCredited(inv) !== (inv.state === 'canceled')) {
    return fail(
      'change.illegal_transition',
      fullyCredited(inv)
        ? 'An invoice credited in full is canceled.'
        : 'An invoice is canceled only by crediting it in full.',
      fullyCredited(inv)
        ? 'Una fattura stornata per intero è annullata.'
        : 'Una fattura si annulla solo stornandola per intero.',
      'state',
    );
  }
  // Paid exactly when payments cover it (a paid invoice without payments predates them).
  if (inv.payments.length > 0 && inv.state !== 'canceled') {
    const covered = openBalance(inv) === 0;
    if (covered !== (inv.state === 'paid')) {
      return fail(
        'change.illegal_transition',
        covered
          ? 'An invoice whose payments cover it is paid.'
          : 'An invoice is paid only when its payments cover it.',
        covered
          ? 'Una fattura coperta dai pagamenti è pagata.'
          : 'Una fattura è pagata solo quando i pagamenti la coprono.',
        'state',
      );
    }
  }
  return ok(undefined);
};

/** The invoice- or credit-note-specific consistency rules. */
export const checkInvoiceConsistency = (doc: Invoice): Result<void> =>
  doc.documentType === 'creditNote' ? creditNoteRules(doc) : invoiceRules(doc);
