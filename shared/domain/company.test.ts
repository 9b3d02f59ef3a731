import { describe, expect, it } from 'vitest';
import { demoCompany } from '../dataset/office';
import {
  COMPANY_REFDATA_ID,
  captureConsentWording,
  companyOf,
  isValidIban,
  isValidPartitaIva,
  neutralConsent,
  validateCompany,
} from './company';
import type { Refdata } from './records';

const problems = (input: unknown) => {
  const result = validateCompany(input);
  return result.ok ? [] : result.error;
};
const fields = (input: unknown) => problems(input).map((p) => p.field);

describe('IBAN check', () => {
  it('accepts real-format IBANs with spaces and lower case, and refuses a changed digit', () => {
    expect(isValidIban('IT60X0542811101000000123456')).toBe(true);
    expect(isValidIban('it60 x054 2811 1010 0000 0123 456')).toBe(true);
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(isValidIban('GB29NWBK60161331926819')).toBe(true);
    expect(isValidIban('IT60X0542811101000000123457')).toBe(false);
    expect(isValidIban('IT61X0542811101000000123456')).toBe(false);
    expect(isValidIban('DE89370400440532013001')).toBe(false);
    // An Italian IBAN is 27 characters long.
    expect(isValidIban('IT60X054281110100000012345')).toBe(false);
    expect(isValidIban('')).toBe(false);
    expect(isValidIban('not an iban at all')).toBe(false);
  });
});

describe('partita IVA check digit', () => {
  it('accepts valid numbers and refuses a wrong check digit or length', () => {
    expect(isValidPartitaIva('04128760156')).toBe(true);
    expect(isValidPartitaIva('00743110157')).toBe(true);
    expect(isValidPartitaIva('04128760157')).toBe(false);
    expect(isValidPartitaIva('0412876015')).toBe(false);
    expect(isValidPartitaIva('0412876015A')).toBe(false);
  });
});

describe('company file', () => {
  it('accepts the demo company and normalises its VAT number and IBAN', () => {
    const result = validateCompany({
      ...demoCompany,
      vatNumber: 'it 04128760156',
      iban: 'it60 x054 2811 1010 0000 0123 456',
    });
    expect(result).toEqual({
      ok: true,
      value: { ...demoCompany, vatNumber: 'IT04128760156', iban: 'IT60X0542811101000000123456' },
    });
  });

  it('names every wrong field at once, in English and Italian', () => {
    const found = problems({
      ...demoCompany,
      vatNumber: 'IT04128760157',
      taxCode: 'ABC',
      rea: { ...demoCompany.rea, office: 'Milano' },
      address: { ...demoCompany.address, postalCode: '201', province: 'Milano', country: 'DE' },
      iban: 'IT60X0542811101000000123457',
      bic: 'BPM',
      email: 'amministrazione',
      pec: 'pec@',
      logo: 'https://example.com/logo.png',
    });
    expect(found.map((p) => p.field)).toEqual([
      'vatNumber',
      'taxCode',
      'rea.office',
      'address.country',
      'address.postalCode',
      'address.province',
      'iban',
      'bic',
      'email',
      'pec',
      'logo',
    ]);
    for (const p of found) {
      expect(p.message.en).not.toBe('');
      expect(p.message.it).not.toBe('');
      expect(p.message.it).not.toBe(p.message.en);
    }
    expect(found[0]?.message.en).toMatch(/not an Italian VAT number/);
    expect(found[0]?.message.it).toMatch(/non è una partita IVA/);
  });

  it('reports missing, unknown, too long and out-of-list fields in plain words', () => {
    const { name: _name, ...noName } = demoCompany;
    expect(problems(noName)).toEqual([
      { field: 'name', message: { en: 'is missing', it: 'manca' } },
    ]);
    expect(problems({ ...demoCompany, website: 'x' })[0]?.message.en).toBe(
      'unknown fields website',
    );
    expect(problems({ ...demoCompany, name: 'x'.repeat(81) })[0]).toMatchObject({
      field: 'name',
      message: { en: 'is longer or larger than 80' },
    });
    expect(problems({ ...demoCompany, taxRegime: 'RF03' })[0]?.message.en).toMatch(
      /must be one of RF01, RF02, RF04/,
    );
    expect(fields({ ...demoCompany, paymentDays: -1 })).toEqual(['paymentDays']);
    expect(fields({ ...demoCompany, footer: { it: 'Piè di pagina' } })).toEqual(['footer.en']);
    expect(fields('a string')).toEqual(['(file)']);
  });

  it('takes a small PNG or JPEG logo and refuses one too large to sync', () => {
    const png =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    expect(fields({ ...demoCompany, logo: png })).toEqual([]);
    expect(fields({ ...demoCompany, logo: png.replace('png', 'gif') })).toEqual(['logo']);
    expect(
      fields({ ...demoCompany, logo: `data:image/jpeg;base64,${'A'.repeat(200_000)}` }),
    ).toEqual(['logo']);
  });

  it('wants the consent text to name the company, directly or with {company}', () => {
    expect(
      fields({
        ...demoCompany,
        consent: { it: 'Acconsento a essere contattato.', en: 'I agree.' },
      }),
    ).toEqual(['consent.it', 'consent.en']);
    expect(
      fields({
        ...demoCompany,
        consent: { it: 'Officine Brenta S.r.l. può contattarmi.', en: '{company} may contact me.' },
      }),
    ).toEqual([]);
  });
});

describe('consent wording at capture', () => {
  it('names the company in the screen language, or no one when the office has set none', () => {
    expect(captureConsentWording(demoCompany, 'it')).toMatch(
      /^Acconsento che Officine Brenta S\.r\.l\. conservi/,
    );
    expect(captureConsentWording(demoCompany, 'en')).toMatch(
      /^I agree that Officine Brenta S\.r\.l\. may store/,
    );
    expect(captureConsentWording(demoCompany, 'en')).not.toContain('{company}');
    expect(captureConsentWording(null, 'it')).toBe(neutralConsent.it);
    expect(captureConsentWording(null, 'en')).toBe(neutralConsent.en);
    for (const text of Object.values(neutralConsent)) expect(text).not.toMatch(/Fairlead/i);
  });

  it('reads the company from reference data, ignoring other kinds and invalid data', () => {
    const record = (
      kind: Refdata['kind'],
      key: string,
      data: Record<string, unknown>,
    ): Refdata => ({
      id: COMPANY_REFDATA_ID,
      ownerId: 'office',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      updatedBy: 'office',
      kind,
      key,
      data,
    });
    expect(companyOf([])).toBeNull();
    expect(companyOf([record('vat_rate', '2200', { rate: 2200 })])).toBeNull();
    expect(companyOf([record('company', 'legal', { name: 'half a company' })])).toBeNull();
    expect(companyOf([record('company', 'legal', demoCompany)])).toEqual(demoCompany);
  });
});
