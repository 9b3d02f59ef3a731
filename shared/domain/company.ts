// The office's legal identity (reference data kind `company`, key `legal`): what every
// document prints in its letterhead and what the FatturaPA/UBL e-invoices declare as the
// seller. Set by the admin command line, synced read-only to every device.
import { z } from 'zod';
import type { Locale, LocalizedText, Result } from './errors';
import { ok } from './errors';
import { derivedId } from './ids';
import type { Refdata } from './records';

export const COMPANY_REFDATA_KIND = 'company' as const;
export const COMPANY_REFDATA_KEY = 'legal';
/** One fixed id, so setting the company again replaces it on every device. */
export const COMPANY_REFDATA_ID = derivedId('office', 'refdata:company:legal');

/** FatturaPA RegimeFiscale codes (RF01 ordinary … RF19 flat rate). */
export const taxRegimes = [
  'RF01',
  'RF02',
  'RF04',
  'RF05',
  'RF06',
  'RF07',
  'RF08',
  'RF09',
  'RF10',
  'RF11',
  'RF12',
  'RF13',
  'RF14',
  'RF15',
  'RF16',
  'RF17',
  'RF18',
  'RF19',
] as const;

// A logo small enough to travel in reference data to every device (≈ 150 KB image).
export const LOGO_MAX_CHARS = 200_000;

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export const isValidIban = (value: string): boolean => {
  const iban = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  // Italian IBANs are always 27 characters.
  if (iban.startsWith('IT') && iban.length !== 27) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) =>
    String(c.charCodeAt(0) - 55),
  );
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
};

/** Partita IVA: 11 digits, the last a Luhn-style check digit. */
export const isValidPartitaIva = (digits: string): boolean => {
  if (!/^\d{11}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = Number(digits[i]);
    sum += i % 2 === 0 ? d : d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return (10 - (sum % 10)) % 10 === Number(digits[10]);
};

const localized = (max: number) =>
  z
    .object({ it: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) })
    .strict();

export const companySchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    /** Italian VAT number with its country prefix: IT + 11 digits. */
    vatNumber: z.string().trim(),
    /** Codice fiscale of the company: usually the 11 VAT digits, or 16 characters. */
    taxCode: z.string().trim().max(16),
    taxRegime: z.enum(taxRegimes),
    rea: z
      .object({
        /** Province of the chamber of commerce (MI, RM…). */
        office: z.string().trim(),
        number: z.string().trim().min(1).max(20),
        /** Share capital in euro cents, when declared. */
        shareCapital: z.number().int().min(0).max(1e13).nullable(),
        /** SU: one shareholder, SM: several; null for companies without shares. */
        soleShareholder: z.enum(['SU', 'SM']).nullable(),
        /** LN: not in liquidation, LS: in liquidation. */
        liquidation: z.enum(['LN', 'LS']),
      })
      .strict()
      .nullable(),
    address: z
      .object({
        street: z.string().trim().min(1).max(60),
        streetNumber: z.string().trim().max(8),
        postalCode: z.string().trim(),
        city: z.string().trim().min(1).max(60),
        province: z.string().trim(),
        country: z.string().trim(),
      })
      .strict(),
    iban: z.string().trim(),
    bic: z.string().trim(),
    bank: z.string().trim().max(80),
    phone: z.string().trim().max(40),
    email: z.string().trim().max(254),
    pec: z.string().trim().max(254),
    /** data:image/png or data:image/jpeg URL, or empty. */
    logo: z.string().max(LOGO_MAX_CHARS),
    /** Days from the issue date to the due date, and how the terms read on documents. */
    paymentDays: z.number().int().min(0).max(365),
    paymentTerms: localized(500),
    footer: localized(1000),
    /** GDPR consent shown at lead capture and stored with the lead; `{company}` is the name. */
    consent: localized(1500),
  })
  .strict();
export type Company = z.infer<typeof companySchema>;

export type CompanyProblem = { field: string; message: LocalizedText };

const problem = (field: string, en: string, it: string): CompanyProblem => ({
  field,
  message: { en, it },
});

// Plain words for the structural checks zod makes.
const structural = (issue: z.core.$ZodIssue): CompanyProblem => {
  const field = issue.path.join('.') || '(file)';
  if (issue.code === 'unrecognized_keys')
    return problem(
      field,
      `unknown fields ${issue.keys.join(', ')}`,
      `campi sconosciuti ${issue.keys.join(', ')}`,
    );
  if (issue.code === 'invalid_type')
    return issue.input === undefined
      ? problem(field, 'is missing', 'manca')
      : problem(field, `must be ${issue.expected}`, `deve essere di tipo ${issue.expected}`);
  if (issue.code === 'too_small')
    return problem(field, 'is missing or too small', 'manca o è troppo piccolo');
  if (issue.code === 'too_big')
    return problem(
      field,
      `is longer or larger than ${String(issue.maximum)}`,
      `supera il massimo di ${String(issue.maximum)}`,
    );
  if (issue.code === 'invalid_value')
    return problem(
      field,
      `must be one of ${issue.values.map(String).join(', ')}`,
      `deve essere uno tra ${issue.values.map(String).join(', ')}`,
    );
  return problem(field, issue.message, issue.message);
};

const emailRe = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The checks a schema cannot express: check digits, formats, the consent naming the company. */
const semantic = (c: Company): CompanyProblem[] => {
  const out: CompanyProblem[] = [];
  const vat = /^IT(\d{11})$/.exec(c.vatNumber.replace(/\s+/g, '').toUpperCase());
  if (!vat || !isValidPartitaIva(vat[1] ?? ''))
    out.push(
      problem(
        'vatNumber',
        `"${c.vatNumber}" is not an Italian VAT number (IT and 11 digits with a valid check digit)`,
        `"${c.vatNumber}" non è una partita IVA italiana (IT e 11 cifre con cifra di controllo valida)`,
      ),
    );
  if (c.taxCode !== '' && !/^(\d{11}|[A-Z0-9]{16})$/.test(c.taxCode))
    out.push(
      problem(
        'taxCode',
        'the tax code has 11 digits or 16 letters and digits',
        'il codice fiscale ha 11 cifre o 16 lettere e cifre',
      ),
    );
  if (c.rea && !/^[A-Z]{2}$/.test(c.rea.office))
    out.push(
      problem(
        'rea.office',
        'the REA office is the two-letter province code, e.g. MI',
        "l'ufficio REA è la sigla della provincia, ad es. MI",
      ),
    );
  if (c.address.country !== 'IT')
    out.push(problem('address.country', 'must be IT', 'deve essere IT'));
  if (!/^\d{5}$/.test(c.address.postalCode))
    out.push(problem('address.postalCode', 'the CAP has 5 digits', 'il CAP ha 5 cifre'));
  if (!/^[A-Z]{2}$/.test(c.address.province))
    out.push(
      problem(
        'address.province',
        'the province is its two-letter code, e.g. MI',
        'la provincia è la sua sigla, ad es. MI',
      ),
    );
  if (!isValidIban(c.iban))
    out.push(
      problem(
        'iban',
        `"${c.iban}" is not a valid IBAN (its check digits do not match)`,
        `"${c.iban}" non è un IBAN valido (le cifre di controllo non corrispondono)`,
      ),
    );
  if (c.bic !== '' && !/^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/.test(c.bic))
    out.push(
      problem('bic', 'the BIC has 8 or 11 letters and digits', 'il BIC ha 8 o 11 lettere e cifre'),
    );
  for (const field of ['email', 'pec'] as const) {
    if (c[field] !== '' && !emailRe.test(c[field]))
      out.push(
        problem(field, `"${c[field]}" is not an email address`, `"${c[field]}" non è un'email`),
      );
  }
  if (c.logo !== '' && !/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/.test(c.logo))
    out.push(
      problem(
        'logo',
        'the logo must be a PNG or JPEG data URL (data:image/png;base64,…)',
        'il logo deve essere un data URL PNG o JPEG (data:image/png;base64,…)',
      ),
    );
  for (const locale of ['it', 'en'] as const) {
    if (!consentText(c, locale).includes(c.name))
      out.push(
        problem(
          `consent.${locale}`,
          `the consent text must name the company (${c.name}) or use {company}`,
          `il testo del consenso deve nominare l'azienda (${c.name}) o usare {company}`,
        ),
      );
  }
  return out;
};

/** Checks a company file; every problem at once, each with its field, in both languages. */
export const validateCompany = (input: unknown): Result<Company, CompanyProblem[]> => {
  const parsed = companySchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map(structural) };
  const problems = semantic(parsed.data);
  if (problems.length > 0) return { ok: false, error: problems };
  const c = parsed.data;
  return ok({
    ...c,
    vatNumber: c.vatNumber.replace(/\s+/g, '').toUpperCase(),
    iban: c.iban.replace(/\s+/g, '').toUpperCase(),
  });
};

/** The company's consent wording in a language, with `{company}` replaced by its name. */
export const consentText = (company: Company, locale: Locale): string =>
  company.consent[locale].replaceAll('{company}', company.name);

/** The company from the office's reference data, or null when none (or none valid) is set. */
export const companyOf = (refdata: readonly Refdata[]): Company | null => {
  const record = refdata.find(
    (r) => r.kind === COMPANY_REFDATA_KIND && r.key === COMPANY_REFDATA_KEY,
  );
  if (!record) return null;
  const checked = validateCompany(record.data);
  return checked.ok ? checked.value : null;
};

/** Consent wording when no company is set yet: it names no one, least of all the app. */
export const neutralConsent: LocalizedText = {
  it: 'Acconsento che i miei dati di contatto siano conservati e usati per ricontattarmi riguardo a prodotti e offerte. Posso revocare il consenso in qualsiasi momento.',
  en: 'I agree that my contact details may be stored and used to contact me about products and offers. I can withdraw this consent at any time.',
};

/** The exact consent wording shown at lead capture, and stored with the lead as its proof. */
export const captureConsentWording = (company: Company | null, locale: Locale): string =>
  company ? consentText(company, locale) : neutralConsent[locale];
