// Document numbering on the device with no round trip (DESIGN.md §3): each device owns a
// series code, so numbers are unique across devices and gap-free within a series.
import type { NumberingHighWater } from '../sync/protocol';
import type { LocalizedText } from './errors';
import type { RecordType } from './records';

const SEQ_DIGITS = 5;
const SERIES = '[A-Z0-9]{2,8}';
const SEQ = `\\d{${SEQ_DIGITS},}`;

/**
 * One kind of document number: which record carries it, how it is written and read back.
 * `yearly` kinds restart each calendar year and carry the year in the number. Adding a kind
 * is one entry here; the server's checks (unique, own series) follow this table.
 */
type NumberFormat = {
  readonly record: RecordType;
  /** What the number is of, in each UI language (for messages). */
  readonly label: LocalizedText;
  readonly yearly: boolean;
  readonly format: (series: string, seq: string, year: string) => string;
  /** Groups: the year (yearly kinds only), then the series, then the sequence. */
  readonly pattern: RegExp;
  /**
   * Kinds whose documents are revised into new documents that keep the number: the fields
   * that name the revised document and count the revisions.
   */
  readonly revisions?: { readonly previous: string; readonly revision: string };
};

export const numberFormats = {
  quote: {
    record: 'quote',
    label: { en: 'quote', it: 'offerta' },
    yearly: false,
    format: (series, seq) => `Q-${series}-${seq}`,
    pattern: new RegExp(`^Q-(${SERIES})-(${SEQ})$`),
    revisions: { previous: 'previousQuoteId', revision: 'revisionNumber' },
  },
  order: {
    record: 'order',
    label: { en: 'order', it: 'ordine' },
    yearly: false,
    format: (series, seq) => `ORD-${series}-${seq}`,
    pattern: new RegExp(`^ORD-(${SERIES})-(${SEQ})$`),
  },
  invoice: {
    record: 'invoice',
    label: { en: 'invoice', it: 'fattura' },
    yearly: true,
    format: (series, seq, year) => `INV/${year}/${series}/${seq}`,
    pattern: new RegExp(`^INV/(\\d{4})/(${SERIES})/(${SEQ})$`),
  },
  // Credit notes (FatturaPA TD04) live with the invoices they correct, in a series of their own.
  creditNote: {
    record: 'invoice',
    label: { en: 'credit note', it: 'nota di credito' },
    yearly: true,
    format: (series, seq, year) => `NC/${year}/${series}/${seq}`,
    pattern: new RegExp(`^NC/(\\d{4})/(${SERIES})/(${SEQ})$`),
  },
} as const satisfies Record<string, NumberFormat>;

export type NumberedKind = keyof typeof numberFormats;

export const numberedKinds = Object.keys(numberFormats) as NumberedKind[];

/** The kinds of number a record type carries in its `number` field (none: not numbered). */
export const numberedKindsOf = (type: RecordType): NumberedKind[] =>
  numberedKinds.filter((kind) => numberFormats[kind].record === type);

/** Kinds numbered per calendar year (Italian fiscal documents restart at 1 each year). */
export type YearlyKind = 'invoice' | 'creditNote';
export const yearlyKinds: readonly YearlyKind[] = ['invoice', 'creditNote'];

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

/** Series codes are 2–8 upper-case letters or digits. */
export const isSeriesCode = (s: string): boolean => new RegExp(`^${SERIES}$`).test(s);

const pad = (seq: number): string => String(seq).padStart(SEQ_DIGITS, '0');

/** The formatted number of a kind, series and sequence (and year, for yearly kinds). */
export const formatDocumentNumber = (
  kind: NumberedKind,
  series: string,
  seq: number,
  year?: number,
): string => {
  const format: NumberFormat = numberFormats[kind];
  if (format.yearly && year === undefined) throw new RangeError(`${kind} numbers need a year`);
  return format.format(series, pad(seq), String(year ?? 0).padStart(4, '0'));
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
  for (const kind of numberedKinds) {
    const format: NumberFormat = numberFormats[kind];
    const match = format.pattern.exec(number);
    if (match === null) continue;
    const groups = match.slice(1);
    const year = format.yearly ? groups.shift() : undefined;
    const [series = '', digits = ''] = groups;
    const seq = Number(digits);
    // One spelling per number: no leading zeros beyond the padding, no zero sequence.
    if (seq < 1 || pad(seq) !== digits) return null;
    return year === undefined ? { kind, series, seq } : { kind, series, seq, year: Number(year) };
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
