// Tax identifiers of customers: Italian partita IVA and codice fiscale (with their check
// characters), EU VAT numbers by country (VIES formats), SDI recipient codes. Pure checks
// with errors in plain words; inputs are normalised first (upper case, no spaces or dots).
import type { Result } from './errors';
import { fail, ok } from './errors';

/** Upper case without spaces, dots and dashes, as VAT numbers and tax codes are compared. */
export const normalizeTaxId = (value: string): string =>
  value.toUpperCase().replace(/[\s.\-/]/g, '');

/** Partita IVA (and the numeric codice fiscale of a company): 11 digits, Luhn-style check. */
export const isPartitaIva = (value: string): boolean => {
  if (!/^\d{11}$/.test(value) || /^0{11}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = Number(value[i]);
    // Digits in even (1-based) positions are doubled, minus 9 above 9.
    sum += i % 2 === 0 ? d : d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return (10 - (sum % 10)) % 10 === Number(value[10]);
};

// Codice fiscale of a person (DM 23/12/1976): odd-position values of the check character.
const ODD: Readonly<Record<string, number>> = Object.fromEntries(
  [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]
    .map((v, i) => [[String.fromCharCode(65 + i), v], ...(i < 10 ? [[String(i), v] as const] : [])])
    .flat(),
);
// Omocodia: the tax office replaces digits by these letters (0–9) when two people collide.
const OMOCODE = 'LMNPQRSTUV';
const CF_RE =
  /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

const valueOf = (c: string): number => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 65);

/** The 16-character codice fiscale of a person, omocodia letters included. */
export const isCodiceFiscale = (value: string): boolean => {
  if (!CF_RE.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = value.charAt(i);
    sum += i % 2 === 0 ? (ODD[c] ?? 0) : valueOf(c);
  }
  if (String.fromCharCode(65 + (sum % 26)) !== value[15]) return false;
  // Day of birth (plus 40 for women) after undoing omocodia.
  const digit = (c: string): string => (OMOCODE.includes(c) ? String(OMOCODE.indexOf(c)) : c);
  const day = Number(digit(value.charAt(9)) + digit(value.charAt(10)));
  return (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
};

// VAT number formats after the country prefix (EU VIES, plus XI for Northern Ireland).
const EU_VAT: Readonly<Record<string, RegExp>> = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  EL: /^\d{9}$/,
  ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^\d{8}$/,
  FR: /^[A-HJ-NP-Z0-9]{2}\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^\d{11}$/,
  LT: /^(\d{9}|\d{12})$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^\d{2,10}$/,
  SE: /^\d{10}01$/,
  SI: /^\d{8}$/,
  SK: /^\d{10}$/,
  XI: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
};

/** The VAT prefix of an ISO country (Greece uses EL), or null outside the EU. */
export const vatPrefixOf = (country: string): string | null => {
  const c = country.toUpperCase();
  const prefix = c === 'GR' ? 'EL' : c;
  return EU_VAT[prefix] === undefined ? null : prefix;
};

const vatInvalid = (value: string, en: string, it: string): Result<never> =>
  fail('account.vat_number_invalid', `${value}: ${en}`, `${value}: ${it}`, 'vatNumber');

/**
 * Checks a VAT number and answers it normalised. With an EU prefix (IT, DE, FR…) the
 * country's format applies, and the check digit for Italy; without one, an Italian
 * customer's 11 digits get the IT prefix. Numbers of non-EU customers are kept as written.
 */
export const checkVatNumber = (raw: string, country = 'IT'): Result<string> => {
  const trimmed = raw.trim();
  if (trimmed === '') return ok('');
  const value = normalizeTaxId(trimmed);
  const home = country === '' ? 'IT' : country.toUpperCase();
  const head = value.slice(0, 2);
  let prefix = EU_VAT[head] !== undefined ? head : null;
  let body = value.slice(2);
  if (prefix === null) {
    if (vatPrefixOf(home) === null) return ok(trimmed); // outside the EU: as written
    if (home !== 'IT' || !/^\d+$/.test(value)) {
      return vatInvalid(
        trimmed,
        'a VAT number of an EU customer starts with its country code (e.g. IT, DE, FR).',
        'la partita IVA di un cliente UE inizia con il codice del paese (es. IT, DE, FR).',
      );
    }
    // An Italian customer's number written without its prefix.
    prefix = 'IT';
    body = value;
  }
  if (!(EU_VAT[prefix] as RegExp).test(body)) {
    return prefix === 'IT'
      ? vatInvalid(
          trimmed,
          'an Italian VAT number has 11 digits after IT.',
          'una partita IVA italiana ha 11 cifre dopo IT.',
        )
      : vatInvalid(
          trimmed,
          `this is not the format of a ${prefix} VAT number.`,
          `non è nel formato di una partita IVA ${prefix}.`,
        );
  }
  if (prefix === 'IT' && !isPartitaIva(body)) {
    return vatInvalid(
      trimmed,
      'the check digit is wrong; please check the number.',
      'la cifra di controllo non torna; verifica il numero.',
    );
  }
  return ok(`${prefix}${body}`);
};

/**
 * Checks an Italian codice fiscale (16 characters for a person, 11 digits for a company)
 * and answers it normalised. Customers outside Italy may have a foreign tax code: kept.
 */
export const checkTaxCode = (raw: string, country = 'IT'): Result<string> => {
  const trimmed = raw.trim();
  if (trimmed === '') return ok('');
  const value = normalizeTaxId(trimmed);
  const italian = country === '' || country.toUpperCase() === 'IT';
  const looksItalian = /^\d{11}$/.test(value) || /^[A-Z0-9]{16}$/.test(value);
  if (!italian && !looksItalian) return ok(trimmed);
  if (/^\d{11}$/.test(value)) {
    return isPartitaIva(value)
      ? ok(value)
      : fail(
          'account.tax_code_invalid',
          `${trimmed}: the check digit of this company tax code is wrong.`,
          `${trimmed}: la cifra di controllo di questo codice fiscale numerico non torna.`,
          'taxCode',
        );
  }
  if (isCodiceFiscale(value)) return ok(value);
  return fail(
    'account.tax_code_invalid',
    `${trimmed} is not a valid Italian tax code (16 characters for a person, 11 digits for a company).`,
    `${trimmed} non è un codice fiscale valido (16 caratteri per una persona, 11 cifre per una società).`,
    'taxCode',
  );
};

/** SDI recipient code (FatturaPA CodiceDestinatario): 7 letters or digits. */
export const checkSdiCode = (raw: string): Result<string> => {
  const value = normalizeTaxId(raw);
  return value === '' || /^[A-Z0-9]{7}$/.test(value)
    ? ok(value)
    : fail(
        'account.sdi_code_invalid',
        'The SDI recipient code has 7 letters or digits.',
        'Il codice destinatario SDI è composto da 7 lettere o cifre.',
        'sdiCode',
      );
};
