// Locale-aware formatting of amounts (integer minor units) and dates for the UI.
import { currencyMinorDigits, scaleDecimal } from '../../shared/domain/money';

export type UiLocale = 'en' | 'it';

const intlLocale = (locale: UiLocale): string => (locale === 'it' ? 'it-IT' : 'en-GB');

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Formats an amount in minor units with the currency's own number of decimals. */
export const formatMoney = (minor: number, currency: string, locale: UiLocale): string => {
  const digits = currencyMinorDigits(currency);
  const key = `${locale}:${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    moneyFormats.set(key, format);
  }
  return format.format(minor / 10 ** digits);
};

/** Minor units as the plain decimal a person types into a field (1234 → "12.34"). */
export const minorToInput = (minor: number, currency: string): string => {
  const digits = currencyMinorDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
};

/** Parses a typed amount ("12,34" or "12.34") into minor units; null when it is not a number. */
export const inputToMinor = (text: string, currency: string): number | null => {
  const cleaned = text.trim().replace(/\s/g, '').replace(',', '.');
  if (cleaned === '' || !/^-?\d*(\.\d*)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  if (!Number.isFinite(value)) return null;
  // Decimal rounding (1.005 → 1.01), not binary floating point.
  return Number(scaleDecimal(value, currencyMinorDigits(currency)));
};

/** Parses a typed decimal number ("1,5" or "1.5"); null when it is not a number. */
export const parseDecimal = (text: string): number | null => {
  const cleaned = text.trim().replace(',', '.');
  if (cleaned === '' || !/^-?\d*(\.\d*)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
};

// Building an Intl format costs far more than using one: a table of a thousand dates
// builds each format once.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormat = (locale: UiLocale, kind: 'day' | 'date' | 'dateTime'): Intl.DateTimeFormat => {
  const key = `${locale}:${kind}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), {
      dateStyle: 'medium',
      ...(kind === 'day' ? { timeZone: 'UTC' } : {}),
      ...(kind === 'dateTime' ? { timeStyle: 'short' } : {}),
    });
    dateFormats.set(key, format);
  }
  return format;
};

export const formatDate = (iso: string | null | undefined, locale: UiLocale): string => {
  if (!iso) return '';
  // A bare date (YYYY-MM-DD) is a calendar day: format it in UTC so it never shifts a day.
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(locale, iso.length === 10 ? 'day' : 'date').format(date);
};

export const formatDateTime = (iso: string | null | undefined, locale: UiLocale): string => {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(locale, 'dateTime').format(date);
};

/** Basis points as a percentage (2200 → "22%"). */
export const formatRate = (basisPoints: number, locale: UiLocale): string =>
  new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 2 }).format(
    basisPoints / 10000,
  );

export const formatQuantity = (quantity: number, locale: UiLocale): string =>
  new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 6 }).format(quantity);

// Dates typed by hand follow the locale's day-first order in both languages (en-GB, it-IT),
// the same order the lists show: 31/03/2027.
const datePattern: Record<UiLocale, string> = { en: 'dd/mm/yyyy', it: 'gg/mm/aaaa' };

/** How a date field shows its expected format ("dd/mm/yyyy", "gg/mm/aaaa"). */
export const dateInputPattern = (locale: UiLocale): string => datePattern[locale];

/** A calendar day (YYYY-MM-DD) as typed in a date field: 2027-03-31 → "31/03/2027". */
export const formatDateInput = (iso: string | null | undefined): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
};

/**
 * Reads a typed day ("31/3/2027", "31.03.2027", "31-03-2027", or ISO "2027-03-31") as
 * YYYY-MM-DD; '' for an empty field; null when it is not a real calendar day.
 */
export const parseDateInput = (text: string): string | null => {
  const typed = text.trim();
  if (typed === '') return '';
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(typed);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : dayFirst
      ? [dayFirst[3], dayFirst[2], dayFirst[1]]
      : [];
  if (year === undefined || month === undefined || day === undefined) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (
    date.getUTCFullYear() !== Number(year) ||
    date.getUTCMonth() !== Number(month) - 1 ||
    date.getUTCDate() !== Number(day)
  ) {
    return null;
  }
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
};
