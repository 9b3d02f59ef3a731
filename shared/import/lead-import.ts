// Planning a lead import: each row of a file becomes a lead to create, an error with its line
// number, or a likely duplicate for the seller to decide on (skip, update, create anyway). The
// duplicate rules are those of duplicates.ts, looked up through an index so 10,000 rows stay fast.
import type { DuplicateCandidate } from '../domain/duplicates';
import type { RuleContext } from '../domain/context';
import type { LocalizedText } from '../domain/errors';
import type { LeadInput } from '../domain/lead';
import { createLead } from '../domain/lead';
import type { Address, Consent, Lead } from '../domain/records';
import { normalizeText } from '../domain/search';
import type { DuplicateIndex } from './duplicate-index';
import type { ColumnMapping, LeadImportField } from './lead-columns';

export type DuplicateDecision = 'skip' | 'update' | 'create';

/** How consent is recorded for the whole file: from a column, or one choice for every row. */
export type ImportConsent =
  { basis: 'column' } | { basis: 'file'; given: boolean; wording: string };

export type ImportOptions = {
  mapping: ColumnMapping;
  consent: ImportConsent;
  /** The file's name, kept on each lead as the source detail. */
  fileName: string;
  source: Lead['source'];
  /** The instant the import runs (consent "at"). */
  now: string;
};

export type PlannedRow =
  | { line: number; kind: 'error'; message: LocalizedText }
  | { line: number; kind: 'new'; input: LeadInput }
  | { line: number; kind: 'duplicate'; input: LeadInput; candidates: DuplicateCandidate[] };

const YES = new Set(['yes', 'y', 'si', 's', 'true', '1', 'x', 'ok', 'opt in', 'optin']);
const NO = new Set(['no', 'n', 'false', '0', '', 'opt out', 'optout']);

// null: no rating given; undefined: a value that is no rating.
const ratingOf = (value: string): Lead['rating'] | null | undefined => {
  const v = normalizeText(value);
  if (v === '') return null;
  if (v === 'hot' || v === 'caldo') return 'hot';
  if (v === 'warm' || v === 'tiepido') return 'warm';
  if (v === 'cold' || v === 'freddo') return 'cold';
  return undefined;
};

const rowError = (line: number, en: string, it: string): PlannedRow => ({
  line,
  kind: 'error',
  message: { en: `Line ${line}: ${en}`, it: `Riga ${line}: ${it}` },
});

// "1.234,50" or "1,234.50" or "1234" → cents.
const budgetCents = (value: string): number | null | 'invalid' => {
  const v = value.replace(/[^\d.,-]/g, '');
  if (v === '') return null;
  const lastSep = Math.max(v.lastIndexOf(','), v.lastIndexOf('.'));
  const decimals = lastSep >= 0 && v.length - lastSep - 1 <= 2;
  const whole = decimals ? v.slice(0, lastSep) : v;
  const cents = decimals ? v.slice(lastSep + 1).padEnd(2, '0') : '00';
  const digits = whole.replace(/[.,]/g, '') + cents;
  if (!/^\d+$/.test(digits)) return 'invalid';
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : 'invalid';
};

const limits: Partial<Record<LeadImportField, number>> = {
  firstName: 100,
  lastName: 100,
  fullName: 200,
  company: 200,
  jobTitle: 100,
  email: 254,
  phone: 40,
  mobile: 40,
  website: 200,
  street: 200,
  city: 100,
  postalCode: 20,
  province: 50,
  vatNumber: 30,
  topic: 200,
  notes: 10000,
};

/** One row as lead input, or the reason it cannot be imported. */
export const leadFromRow = (
  cells: readonly string[],
  line: number,
  options: ImportOptions,
): { ok: true; input: LeadInput } | { ok: false; row: PlannedRow } => {
  const value: Partial<Record<LeadImportField, string>> = {};
  options.mapping.forEach((field, column) => {
    if (field !== null) value[field] = (cells[column] ?? '').trim();
  });
  for (const [field, max] of Object.entries(limits) as [LeadImportField, number][]) {
    const v = value[field] ?? '';
    if (v.length > max) {
      return {
        ok: false,
        row: rowError(
          line,
          `the ${field} is longer than ${max} characters.`,
          `il campo ${field} supera i ${max} caratteri.`,
        ),
      };
    }
  }
  let { firstName = '', lastName = '' } = value;
  if (firstName === '' && lastName === '' && value.fullName) {
    const parts = value.fullName.split(/\s+/);
    lastName = parts.pop() ?? '';
    firstName = parts.join(' ');
  }
  const rating = ratingOf(value.rating ?? '');
  if (rating === undefined) {
    return {
      ok: false,
      row: rowError(
        line,
        `the rating "${value.rating ?? ''}" is not hot, warm or cold.`,
        `la valutazione "${value.rating ?? ''}" non è caldo, tiepido o freddo.`,
      ),
    };
  }
  const budget = budgetCents(value.budget ?? '');
  if (budget === 'invalid') {
    return {
      ok: false,
      row: rowError(
        line,
        `the budget "${value.budget ?? ''}" is not an amount.`,
        `il budget "${value.budget ?? ''}" non è un importo.`,
      ),
    };
  }
  const address: Address = {};
  if (value.street) address.street = value.street;
  if (value.city) address.city = value.city;
  if (value.postalCode) address.postalCode = value.postalCode;
  if (value.province) address.province = value.province;
  if (value.country && /^[A-Za-z]{2}$/.test(value.country)) {
    address.country = value.country.toUpperCase();
  }
  const consent = consentOf(value.consent ?? '', options);
  if (consent === 'invalid') {
    return {
      ok: false,
      row: rowError(
        line,
        `the consent "${value.consent ?? ''}" is neither yes nor no.`,
        `il consenso "${value.consent ?? ''}" non è né sì né no.`,
      ),
    };
  }
  const input: LeadInput = {
    firstName,
    lastName,
    company: value.company ?? '',
    jobTitle: value.jobTitle ?? '',
    email: value.email ?? '',
    phone: value.phone ?? '',
    mobile: value.mobile ?? '',
    website: value.website ?? '',
    vatNumber: value.vatNumber ?? '',
    topic: value.topic ?? '',
    notes: value.notes ?? '',
    address,
    ...(rating !== null ? { rating } : {}),
    budget,
    source: options.source,
    sourceDetail: options.fileName.slice(0, 200),
    consent,
  };
  return { ok: true, input };
};

const consentOf = (cell: string, options: ImportOptions): Consent | 'invalid' => {
  if (options.consent.basis === 'file') {
    return options.consent.given
      ? {
          given: true,
          at: options.now,
          how: 'import_file',
          wording: options.consent.wording.slice(0, 2000),
        }
      : { given: false, at: null, how: null, wording: null };
  }
  const v = normalizeText(cell);
  if (YES.has(v)) {
    return {
      given: true,
      at: options.now,
      how: 'import_column',
      wording: `${options.fileName}`.slice(0, 2000),
    };
  }
  if (NO.has(v)) return { given: false, at: null, how: null, wording: null };
  return 'invalid';
};

/**
 * Every row checked by the lead rules and looked up for duplicates. `ctx` is only used to
 * build the would-be lead for the checks; nothing is written.
 */
export const planLeadImport = (
  rows: readonly { line: number; cells: readonly string[] }[],
  options: ImportOptions,
  index: DuplicateIndex,
  ctx: RuleContext,
): PlannedRow[] =>
  rows.map(({ line, cells }) => {
    const parsed = leadFromRow(cells, line, options);
    if (!parsed.ok) return parsed.row;
    const checked = createLead(parsed.input, ctx);
    if (!checked.ok) {
      const { en, it } = checked.error.message;
      return rowError(line, en, it);
    }
    const lead = checked.value.writes.find((w) => w.type === 'lead')?.doc as Lead;
    const candidates = index.candidates(lead);
    return candidates.length > 0
      ? { line, kind: 'duplicate', input: parsed.input, candidates }
      : { line, kind: 'new', input: parsed.input };
  });
