// Small helpers every lifecycle rule shares: audit stamps, today's date, derived ids of
// timeline activities, and plain checks with bilingual errors.
import type { RuleContext } from './context';
import type { Result } from './errors';
import { fail, ok } from './errors';
import { derivedId } from './ids';

type Audit = {
  id: string;
  ownerId: string;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
};

/** Audit fields of a new document. */
export const created = (ctx: RuleContext, id: string, ownerId?: string): Audit => ({
  id,
  ownerId: ownerId ?? ctx.actor.userId,
  createdAt: ctx.now,
  updatedAt: ctx.now,
  updatedBy: ctx.actor.userId,
});

/** Audit fields of a changed document. */
export const touched = (ctx: RuleContext): { updatedAt: string; updatedBy: string } => ({
  updatedAt: ctx.now,
  updatedBy: ctx.actor.userId,
});

/** The calendar date of the context's instant (YYYY-MM-DD, as written in the instant). */
export const today = (ctx: RuleContext): string => ctx.now.slice(0, 10);

/** A date plus a number of days, in the proleptic Gregorian calendar (no time zones). */
export const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * Id of the timeline activity an event writes about a document. Tied to the version the
 * event starts from (its updatedAt), so a retry of the same command reuses it and a later
 * occurrence of the same event (another reopen, another stage move) gets a new one.
 */
export const eventActivityId = (
  doc: { id: string; updatedAt: string },
  event: string,
  fromVersion = true,
): string =>
  derivedId(doc.id, fromVersion ? `activity:${event}@${doc.updatedAt}` : `activity:${event}`);

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A valid calendar date as YYYY-MM-DD. */
export const isDate = (value: string): boolean => {
  if (!DATE_RE.test(value)) return false;
  const d = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
};

export const checkDate = (value: string | null | undefined, field: string): Result<void> =>
  value == null || isDate(value)
    ? ok(undefined)
    : fail(
        'input.date_invalid',
        `${value} is not a valid date (use YYYY-MM-DD).`,
        `${value} non è una data valida (usa AAAA-MM-GG).`,
        field,
      );

/** A non-blank text; `en`/`it` are the full sentences to show when it is blank. */
export const checkRequired = (
  value: string,
  field: string,
  en: string,
  it: string,
): Result<void> => (value.trim() === '' ? fail('input.required', en, it, field) : ok(undefined));

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const checkEmail = (value: string, field = 'email'): Result<void> =>
  value === '' || EMAIL_RE.test(value)
    ? ok(undefined)
    : fail(
        'input.email_invalid',
        `${value} is not a valid email address.`,
        `${value} non è un indirizzo email valido.`,
        field,
      );

/** The first failed check, or ok. */
export const firstError = (...checks: Result<void>[]): Result<void> => {
  for (const check of checks) if (!check.ok) return check;
  return ok(undefined);
};

/** The patch without keys set to undefined, so spreading it never blanks a field. */
export const defined = <T extends object>(patch: T): Partial<T> =>
  Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
