// Whether a document is consistent in itself, whatever its history (DESIGN.md §3): status
// reasons that belong to the state, line amounts and totals that add up, a document number
// of the right kind. The server checks this on every push, new documents included.
import { statusesByState } from './change-tables';
import type { Result } from './errors';
import { fail, ok } from './errors';
import { checkInvoiceConsistency } from './invoice-consistency';
import { computeTotals, lineAmount, totalsEqual, validateHeaderDiscount } from './money';
import { parseDocumentNumber } from './numbering';
import { systemEstimatedRevenue } from './pricing';
import type { Invoice, Line, Opportunity, RecordType, Totals, TradeFair } from './records';
import { checkTradeFair } from './trade-fair';

export const typeNames: Record<RecordType, { en: string; it: string }> = {
  lead: { en: 'lead', it: 'il lead' },
  account: { en: 'account', it: "l'azienda" },
  contact: { en: 'contact', it: 'il contatto' },
  opportunity: { en: 'opportunity', it: "l'opportunità" },
  quote: { en: 'quote', it: "l'offerta" },
  order: { en: 'order', it: "l'ordine" },
  invoice: { en: 'invoice', it: 'la fattura' },
  activity: { en: 'activity', it: "l'attività" },
  product: { en: 'product', it: 'il prodotto' },
  pricelist: { en: 'price list', it: 'il listino' },
  refdata: { en: 'reference data', it: 'i dati di riferimento' },
  tradefair: { en: 'trade fair', it: 'la fiera' },
};

type Doc = Record<string, unknown>;

const checkStatus = (type: RecordType, doc: Doc): Result<void> => {
  const table = statusesByState[type];
  if (table === undefined) return ok(undefined);
  const state = String(doc.state);
  const status = String(doc.status);
  return table[state]?.includes(status)
    ? ok(undefined)
    : fail(
        'change.status_mismatch',
        `The status reason "${status}" does not belong to the state "${state}".`,
        `Il motivo stato "${status}" non corrisponde allo stato "${state}".`,
        'status',
      );
};

const checkLines = (lines: readonly Line[]): Result<void> => {
  const ids = new Set<string>();
  for (const [i, line] of lines.entries()) {
    if (ids.has(line.id)) {
      return fail(
        'change.line_ids_duplicate',
        'Two lines have the same id.',
        'Due righe hanno lo stesso identificativo.',
        `lines.${i}.id`,
      );
    }
    ids.add(line.id);
    let expected: number | null;
    try {
      expected = lineAmount(line.unitPrice, line.quantity, line.discount);
    } catch {
      expected = null;
    }
    if (expected !== line.amount) {
      return fail(
        'change.line_amount_mismatch',
        `The amount of line ${i + 1} does not match its price, quantity and discount.`,
        `L'importo della riga ${i + 1} non corrisponde a prezzo, quantità e sconto.`,
        `lines.${i}.amount`,
      );
    }
  }
  return ok(undefined);
};

type Priced = {
  lines: Line[];
  headerDiscount: { kind: 'percent' | 'amount'; value: number } | null;
  freight: number;
  freightVatRate: number;
  totals: Totals;
};

const checkTotals = (doc: Priced): Result<void> => {
  const discount = validateHeaderDiscount(
    doc.lines.reduce((s, l) => s + l.amount, 0),
    doc.headerDiscount,
  );
  if (!discount.ok) return discount;
  return totalsEqual(computeTotals(doc), doc.totals)
    ? ok(undefined)
    : fail(
        'change.totals_mismatch',
        'The totals do not add up with the lines, discount and freight.',
        'I totali non corrispondono a righe, sconto e trasporto.',
        'totals',
      );
};

const checkNumber = (type: 'quote' | 'order' | 'invoice', doc: Doc): Result<void> => {
  const parsed = parseDocumentNumber(String(doc.number));
  const year = type === 'invoice' ? Number(String(doc.issueDate).slice(0, 4)) : undefined;
  // Credit notes live with invoices and carry their own NC numbers.
  const kind = type === 'invoice' && doc.documentType === 'creditNote' ? 'creditNote' : type;
  return parsed !== null && parsed.kind === kind && parsed.year === year
    ? ok(undefined)
    : fail(
        'change.number_invalid',
        `${String(doc.number)} is not a valid ${typeNames[type].en} number.`,
        `${String(doc.number)} non è un numero valido per ${typeNames[type].it}.`,
        'number',
      );
};

/** Whether a document is internally consistent, whatever its history. */
export const checkConsistency = (type: RecordType, doc: Doc): Result<void> => {
  const status = checkStatus(type, doc);
  if (!status.ok) return status;
  if (type === 'tradefair') return checkTradeFair(doc as TradeFair);
  if (type === 'opportunity') {
    const o = doc as Opportunity;
    const lines = checkLines(o.lines);
    if (!lines.ok) return lines;
    if (o.revenueMode === 'system' && o.estimatedRevenue !== systemEstimatedRevenue(o.lines)) {
      return fail(
        'change.revenue_mismatch',
        'The estimated revenue must be the sum of the lines when it is calculated by the system.',
        'Il ricavo stimato deve essere la somma delle righe quando è calcolato dal sistema.',
        'estimatedRevenue',
      );
    }
  }
  if (type === 'quote' || type === 'order' || type === 'invoice') {
    const lines = checkLines((doc as Priced).lines);
    if (!lines.ok) return lines;
    const totals = checkTotals(doc as Priced);
    if (!totals.ok) return totals;
    const number = checkNumber(type, doc);
    if (!number.ok) return number;
  }
  if (type === 'invoice' && String(doc.dueDate) < String(doc.issueDate)) {
    return fail(
      'invoice.due_before_issue',
      'The due date cannot be before the issue date.',
      'La data di scadenza non può precedere la data di emissione.',
      'dueDate',
    );
  }
  if (type === 'invoice') return checkInvoiceConsistency(doc as Invoice);
  return ok(undefined);
};
