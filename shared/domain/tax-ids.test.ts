import { describe, expect, it } from 'vitest';
import {
  checkSdiCode,
  checkTaxCode,
  checkVatNumber,
  isCodiceFiscale,
  isPartitaIva,
  vatPrefixOf,
} from './tax-ids';

describe('partita IVA', () => {
  it('accepts real VAT numbers of Italian companies', () => {
    // Ferrari, Poste Italiane, Telecom Italia, Eni, Enel.
    for (const v of ['00159560366', '01114601006', '00488410010', '00905811006', '00811720580']) {
      expect(isPartitaIva(v), v).toBe(true);
    }
  });

  it('refuses a wrong check digit, a wrong length, letters and all zeros', () => {
    for (const v of ['00159560367', '01234567890', '0015956036', '001595603660', '0015956036A']) {
      expect(isPartitaIva(v), v).toBe(false);
    }
    expect(isPartitaIva('00000000000')).toBe(false);
  });
});

describe('codice fiscale', () => {
  it('accepts valid codes, women (day + 40) and omocodia letters', () => {
    for (const v of [
      'RSSMRA85T10A562S',
      'MRTMTT25D09F205Z',
      'RSSMRA85T10A56NH',
      'RSSMRA85T1LA562V',
    ]) {
      expect(isCodiceFiscale(v), v).toBe(true);
    }
    // The same person born on the 10th as a woman: day 50, check letter recomputed.
    expect(isCodiceFiscale('RSSMRA85T50A562W')).toBe(true);
  });

  it('refuses a wrong check letter, an impossible month or day, a wrong shape', () => {
    for (const v of [
      'RSSMRA85T10A562T', // check letter
      'RSSMRA85F10A562S', // F is no month
      'RSSMRA85T35A562S', // day 35
      'RSSMRA85T10A562', // 15 characters
      'RSSMRA85T10A5A2S', // A is no omocodia letter
    ]) {
      expect(isCodiceFiscale(v), v).toBe(false);
    }
  });
});

describe('checkVatNumber', () => {
  it('normalises and prefixes Italian numbers', () => {
    expect(checkVatNumber('it 0015 9560 366')).toEqual({ ok: true, value: 'IT00159560366' });
    expect(checkVatNumber('00159560366', 'IT')).toEqual({ ok: true, value: 'IT00159560366' });
    expect(checkVatNumber('')).toEqual({ ok: true, value: '' });
  });

  it('checks the format of other EU countries', () => {
    const valid = [
      ['DE123456789', 'DE'],
      ['FR12345678901', 'FR'],
      ['FRXX123456789', 'FR'],
      ['ESB12345678', 'ES'],
      ['ATU12345678', 'AT'],
      ['NL123456789B01', 'NL'],
      ['EL123456789', 'GR'],
      ['IE1234567WA', 'IE'],
      ['PL1234567890', 'PL'],
    ] as const;
    for (const [v, c] of valid) expect(checkVatNumber(v, c), v).toEqual({ ok: true, value: v });
    for (const [v, c] of [
      ['DE12345678', 'DE'],
      ['ATX12345678', 'AT'],
      ['NL123456789A01', 'NL'],
      ['123456789', 'DE'],
    ] as const) {
      expect(checkVatNumber(v, c).ok, v).toBe(false);
    }
    expect(vatPrefixOf('GR')).toBe('EL');
    expect(vatPrefixOf('US')).toBeNull();
  });

  it('says what is wrong, in English and Italian', () => {
    const r = checkVatNumber('IT00159560367');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ code: 'account.vat_number_invalid', field: 'vatNumber' });
      expect(r.error.message.en).toContain('check digit');
      expect(r.error.message.it).toContain('cifra di controllo');
    }
    const short = checkVatNumber('IT123');
    if (!short.ok) expect(short.error.message.it).toContain('11 cifre');
  });

  it('keeps numbers of customers outside the EU as written', () => {
    expect(checkVatNumber('EIN 12-3456789', 'US')).toEqual({ ok: true, value: 'EIN 12-3456789' });
    expect(checkVatNumber('CHE-123.456.788 MWST', 'CH').ok).toBe(true);
  });
});

describe('checkTaxCode and checkSdiCode', () => {
  it('accepts a person code, a numeric company code, foreign codes abroad', () => {
    expect(checkTaxCode('rssmra85t10a562s')).toEqual({ ok: true, value: 'RSSMRA85T10A562S' });
    expect(checkTaxCode('00159560366')).toEqual({ ok: true, value: '00159560366' });
    expect(checkTaxCode('732 829 320', 'FR')).toEqual({ ok: true, value: '732 829 320' });
  });

  it('refuses bad Italian tax codes', () => {
    expect(checkTaxCode('00159560367')).toMatchObject({ ok: false, error: { field: 'taxCode' } });
    expect(checkTaxCode('RSSMRA85T10A562T').ok).toBe(false);
    expect(checkTaxCode('ABC').ok).toBe(false);
  });

  it('SDI recipient codes have 7 letters or digits', () => {
    expect(checkSdiCode('m5uxcr1')).toEqual({ ok: true, value: 'M5UXCR1' });
    expect(checkSdiCode('0000000').ok).toBe(true);
    expect(checkSdiCode('ABC12').ok).toBe(false);
    expect(checkSdiCode('ABC12345').ok).toBe(false);
  });
});
