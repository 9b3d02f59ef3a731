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

export const formatDate = (iso: string | null | undefined, locale: UiLocale): string => {
  if (!iso) return '';
  // A bare date (YYYY-MM-DD) is a calendar day: format it in UTC so it never shifts a day.
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'medium',
    ...(iso.length === 10 ? { timeZone: 'UTC' } : {}),
  }).format(date);
};

export const formatDateTime = (iso: string | null | undefined, locale: UiLocale): string => {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
};

/** Basis points as a percentage (2200 → "22%"). */
export const formatRate = (basisPoints: number, locale: UiLocale): string =>
  new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 2 }).format(
    basisPoints / 10000,
  );

export const formatQuantity = (quantity: number, locale: UiLocale): string =>
  new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 6 }).format(quantity);
