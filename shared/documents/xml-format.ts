// XML text and number formats shared by the e-invoice builders: escaped elements, amounts
// with exactly two decimals, rates, quantities and prices with up to eight.
import { currencyMinorDigits } from '../domain/money';

/** Minor units as a decimal with exactly two decimals (cents), e.g. -1234 → "-12.34". */
export const decimal2 = (minor: number, currency: string): string => {
  const digits = currencyMinorDigits(currency);
  const cents = digits === 2 ? minor : minor * 100;
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};

/** A basis-point rate as a percentage with two decimals: 2200 → "22.00". */
export const percent2 = (basisPoints: number): string =>
  `${Math.floor(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, '0')}`;

/** A decimal number with 2 to `max` decimals (quantities, unit prices): 2.5 → "2.50". */
export const decimalBetween = (value: number, max: number): string => {
  const fixed = value.toFixed(max);
  const [whole, fraction = ''] = fixed.split('.');
  return `${whole}.${fraction.replace(/0+$/, '').padEnd(2, '0')}`;
};

// XML 1.0 forbids most control characters even when escaped.
// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export const escapeXml = (text: string): string =>
  text
    .replace(controlChars, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** An element with escaped text, or nothing when the text is empty. */
export const el = (name: string, text: string, attrs = ''): string =>
  text === '' ? '' : `<${name}${attrs}>${escapeXml(text)}</${name}>`;
