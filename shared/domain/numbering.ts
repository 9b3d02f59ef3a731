// Document numbering on the device with no round trip (DESIGN.md §3): each device owns a
// series code, so numbers are unique across devices and gap-free within a series.
import type { NumberingHighWater } from '../sync/protocol';

export type NumberedKind = 'quote' | 'order' | 'invoice' | 'creditNote';

/** Kinds numbered per calendar year (Italian fiscal documents restart at 1 each year). */
export type YearlyKind = 'invoice' | 'creditNote';
export const yearlyKinds: readonly YearlyKind[] = ['invoice', 'creditNote'];

/** The numbered kinds a record type's documents carry (credit notes live with invoices). */
export const numberedKindsOf = {
  quote: ['quote'],
  order: ['order'],
  invoice: ['invoice', 'creditNote'],
} as const satisfies Record<string, readonly NumberedKind[]>;

/** The last sequence used per kind; yearly kinds are keyed by year. */
export type NumberingState = {
  series: string;
  quote: number;
  order: number;
  invoice: Readonly<Record<string, number>>;
  creditNote: Readonly<Record<string, number>>;
};

export type ParsedDocumentNumber = {
  kind: NumberedKind;
  series: string;
  seq: number;
  year?: number;
};

const SEQ_DIGITS = 5;
const SERIES = '[A-Z0-9]{2,8}';
const QUOTE_RE = new RegExp(`^Q-(${SERIES})-(\\d{${SEQ_DIGITS},})$`);
const ORDER_RE = new RegExp(`^ORD-(${SERIES})-(\\d{${SEQ_DIGITS},})$`);
const INVOICE_RE = new RegExp(`^INV/(\\d{4})/(${SERIES})/(\\d{${SEQ_DIGITS},})$`);
const CREDIT_NOTE_RE = new RegExp(`^NC/(\\d{4})/(${SERIES})/(\\d{${SEQ_DIGITS},})$`);
const yearlyPrefix: Readonly<Record<YearlyKind, string>> = { invoice: 'INV', creditNote: 'NC' };

/** Series codes are 2–8 upper-case letters or digits. */
export const isSeriesCode = (s: string): boolean => new RegExp(`^${SERIES}$`).test(s);

const pad = (seq: number): string => String(seq).padStart(SEQ_DIGITS, '0');

/** The formatted number of a kind, series and sequence (and year, for invoices). */
export const formatDocumentNumber = (
  kind: NumberedKind,
  series: string,
  seq: number,
  year?: number,
): string => {
  if (kind === 'quote') return `Q-${series}-${pad(seq)}`;
  if (kind === 'order') return `ORD-${series}-${pad(seq)}`;
  if (year === undefined) throw new RangeError(`a ${kind} number needs a year`);
  return `${yearlyPrefix[kind]}/${String(year).padStart(4, '0')}/${series}/${pad(seq)}`;
};

const assertSeries = (series: string): void => {
  if (!isSeriesCode(series)) throw new RangeError(`not a series code: ${series}`);
};

/** Fresh numbering for a series, starting after what the server has already seen. */
export const initialNumbering = (
  series: string,
  highWater?: NumberingHighWater,
): NumberingState => {
  assertSeries(series);
  return {
    series,
    quote: highWater?.quote ?? 0,
    order: highWater?.order ?? 0,
    invoice: { ...highWater?.invoice },
    creditNote: { ...highWater?.creditNote },
  };
};

/** What the device reports to the server as its highest numbers. */
export const numberingHighWater = (state: NumberingState): NumberingHighWater => ({
  quote: state.quote,
  order: state.order,
  invoice: { ...state.invoice },
  creditNote: { ...state.creditNote },
});

/**
 * The calendar year of an ISO instant or date as written. Pass the instant in the office's
 * local time (with its offset) if the year must follow local midnight rather than UTC.
 */
const yearOf = (now: string): number => {
  const match = /^(\d{4})-\d{2}-\d{2}/.exec(now);
  if (match === null) throw new RangeError(`not an ISO date: ${now}`);
  return Number(match[1]);
};

/** The next number of a kind and the state that remembers it; the state is not mutated. */
export const nextNumber = (
  state: NumberingState,
  kind: NumberedKind,
  now: string,
): { number: string; state: NumberingState } => {
  if (kind === 'invoice' || kind === 'creditNote') {
    // Italian fiscal practice: invoice and credit note numbers restart at 1 each year.
    const year = yearOf(now);
    const counters = state[kind];
    const seq = (counters[String(year)] ?? 0) + 1;
    return {
      number: formatDocumentNumber(kind, state.series, seq, year),
      state: { ...state, [kind]: { ...counters, [String(year)]: seq } },
    };
  }
  const seq = state[kind] + 1;
  return {
    number: formatDocumentNumber(kind, state.series, seq),
    state: { ...state, [kind]: seq },
  };
};

/** Reads a document number back; null when it is not one of ours or not canonical. */
export const parseDocumentNumber = (number: string): ParsedDocumentNumber | null => {
  const canonical = (parsed: ParsedDocumentNumber, digits: string): ParsedDocumentNumber | null =>
    parsed.seq >= 1 && pad(parsed.seq) === digits ? parsed : null;
  const quote = QUOTE_RE.exec(number);
  if (quote !== null) {
    const [, series = '', digits = ''] = quote;
    return canonical({ kind: 'quote', series, seq: Number(digits) }, digits);
  }
  const order = ORDER_RE.exec(number);
  if (order !== null) {
    const [, series = '', digits = ''] = order;
    return canonical({ kind: 'order', series, seq: Number(digits) }, digits);
  }
  for (const [kind, re] of [
    ['invoice', INVOICE_RE],
    ['creditNote', CREDIT_NOTE_RE],
  ] as const) {
    const match = re.exec(number);
    if (match === null) continue;
    const [, year = '', series = '', digits = ''] = match;
    return canonical({ kind, series, seq: Number(digits), year: Number(year) }, digits);
  }
  return null;
};

/**
 * Raises the state to the highest sequence of its own series found among existing
 * documents, so a crash between writing a document and saving the state never reuses a
 * number. Never lowers a counter.
 */
export const reconcileNumbering = (
  state: NumberingState,
  usedNumbers: readonly string[],
): NumberingState => {
  let { quote, order } = state;
  const yearly: Record<YearlyKind, Record<string, number>> = {
    invoice: { ...state.invoice },
    creditNote: { ...state.creditNote },
  };
  for (const used of usedNumbers) {
    const parsed = parseDocumentNumber(used);
    if (parsed === null || parsed.series !== state.series) continue;
    if (parsed.kind === 'quote') quote = Math.max(quote, parsed.seq);
    else if (parsed.kind === 'order') order = Math.max(order, parsed.seq);
    else {
      const counters = yearly[parsed.kind];
      const year = String(parsed.year);
      counters[year] = Math.max(counters[year] ?? 0, parsed.seq);
    }
  }
  return { series: state.series, quote, order, ...yearly };
};
