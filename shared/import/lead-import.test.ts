import { describe, expect, it } from 'vitest';
import { makeCtx } from '../domain/test-fixtures';
import { createLead } from '../domain/lead';
import type { Lead } from '../domain/records';
import { formatCsv, parseCsv } from './csv';
import { buildDuplicateIndex } from './duplicate-index';
import { detectHeaderFormat, guessMapping, restoreMapping } from './lead-columns';
import type { ImportOptions } from './lead-import';
import { planLeadImport } from './lead-import';

// Header rows as Dynamics 365 (Export to Excel, saved as CSV) and Salesforce (lead report
// export) write them.
const d365Headers = [
  '(Do Not Modify) Lead',
  '(Do Not Modify) Row Checksum',
  '(Do Not Modify) Modified On',
  'Name',
  'Topic',
  'Status Reason',
  'Created On',
  'First Name',
  'Last Name',
  'Company Name',
  'Job Title',
  'Email',
  'Business Phone',
  'Mobile Phone',
  'Street 1',
  'City',
  'State/Province',
  'ZIP/Postal Code',
  'Country/Region',
  'Website',
  'Rating',
  'Budget Amount',
  'Description',
];
const salesforceHeaders = [
  'Lead ID',
  'Salutation',
  'First Name',
  'Last Name',
  'Title',
  'Company',
  'Street',
  'City',
  'State/Province',
  'Zip/Postal Code',
  'Country',
  'Phone',
  'Mobile',
  'Email',
  'Website',
  'Lead Source',
  'Lead Status',
  'Rating',
  'Description',
  'Lead Owner',
];

describe('CSV', () => {
  it('reads quotes, doubled quotes, line breaks in a cell, CRLF, BOM and counts lines', () => {
    const table = parseCsv('\uFEFFa;b\r\n1;"x ""y"""\r\n\r\n2;"two\nlines"\r\n3;z');
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(['a', 'b']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['1', 'x "y"'] },
      { line: 4, cells: ['2', 'two\nlines'] },
      { line: 6, cells: ['3', 'z'] },
    ]);
  });

  it('writes what it reads back, and defuses spreadsheet formulas but not phone numbers', () => {
    const rows = [
      ['name', 'note', 'phone'],
      ['Anna, Rossi', 'says "hi"\nbye', '+39 049 1234'],
      ['=HYPERLINK("x")', '', '-1'],
    ];
    const text = formatCsv(rows);
    const back = parseCsv(text);
    expect([back.headers, ...back.rows.map((r) => r.cells)]).toEqual([
      rows[0],
      rows[1],
      ['\'=HYPERLINK("x")', '', '-1'],
    ]);
  });
});

describe('column mapping', () => {
  it('recognises the Dynamics 365 lead export', () => {
    expect(detectHeaderFormat(d365Headers)).toBe('d365');
    const mapping = guessMapping(d365Headers);
    const by = Object.fromEntries(d365Headers.map((h, i) => [h, mapping[i]]));
    expect(by).toMatchObject({
      '(Do Not Modify) Lead': null,
      Name: 'fullName',
      Topic: 'topic',
      'First Name': 'firstName',
      'Last Name': 'lastName',
      'Company Name': 'company',
      'Job Title': 'jobTitle',
      Email: 'email',
      'Business Phone': 'phone',
      'Mobile Phone': 'mobile',
      'Street 1': 'street',
      City: 'city',
      'State/Province': 'province',
      'ZIP/Postal Code': 'postalCode',
      'Country/Region': 'country',
      Website: 'website',
      Rating: 'rating',
      'Budget Amount': 'budget',
      Description: 'notes',
    });
  });

  it('recognises the Salesforce lead export and its API names', () => {
    expect(detectHeaderFormat(salesforceHeaders)).toBe('salesforce');
    const mapping = guessMapping(salesforceHeaders);
    const by = Object.fromEntries(salesforceHeaders.map((h, i) => [h, mapping[i]]));
    expect(by).toMatchObject({
      'Lead ID': null,
      Title: 'jobTitle',
      Company: 'company',
      Street: 'street',
      'Zip/Postal Code': 'postalCode',
      Country: 'country',
      Phone: 'phone',
      Mobile: 'mobile',
      Email: 'email',
      Description: 'notes',
    });
    expect(guessMapping(['FirstName', 'LastName', 'Company', 'MobilePhone', 'PostalCode'])).toEqual(
      ['firstName', 'lastName', 'company', 'mobile', 'postalCode'],
    );
    expect(detectHeaderFormat(['Nome', 'Cognome', 'Azienda'])).toBe('generic');
    expect(guessMapping(['Nome', 'Cognome', 'Azienda', 'Città', 'CAP'])).toEqual([
      'firstName',
      'lastName',
      'company',
      'city',
      'postalCode',
    ]);
  });

  it('restores a remembered mapping only when it fits the columns', () => {
    expect(restoreMapping(['a', 'b'], ['email', null])).toEqual(['email', null]);
    expect(restoreMapping(['a', 'b'], ['email'])).toBeNull();
    expect(restoreMapping(['a'], ['password'])).toBeNull();
  });
});

describe('import plan', () => {
  const ctx = makeCtx();
  const existing = (fields: Partial<Lead>): Lead => {
    const made = createLead({ lastName: 'Esistente', ...fields }, ctx);
    if (!made.ok) throw new Error('fixture');
    return made.value.writes.find((w) => w.type === 'lead')!.doc as Lead;
  };
  const options = (headers: string[], consent: ImportOptions['consent']): ImportOptions => ({
    mapping: guessMapping(headers),
    consent,
    fileName: 'fiera.csv',
    source: 'trade_fair',
    now: '2026-03-10T09:00:00.000Z',
  });

  it('turns a Salesforce export into leads, errors with line numbers and duplicates', () => {
    const text = formatCsv([
      salesforceHeaders,
      [
        '00Q1',
        'Ms.',
        'Anna',
        'Rossi',
        'CEO',
        'Rossi S.r.l.',
        'Via Roma 1',
        'Padova',
        'PD',
        '35100',
        'IT',
        '049 1',
        '333 1',
        'anna@rossi.it',
        '',
        'Trade Show',
        'Open',
        'Hot',
        'Met at booth',
        'Mario',
      ],
      ['00Q2', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
      [
        '00Q3',
        '',
        'Luca',
        'Bianchi',
        '',
        'Bianchi',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        'not-an-email',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
      [
        '00Q4',
        '',
        'Gino',
        'Verdi',
        '',
        'Verdi SpA',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        'known@verdi.it',
        '',
        '',
        '',
        'Lukewarm',
        '',
        '',
      ],
      [
        '00Q5',
        '',
        'Gina',
        'Neri',
        '',
        'Altro',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        'known@verdi.it',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
    ]);
    const table = parseCsv(text);
    const index = buildDuplicateIndex({ leads: [existing({ email: 'known@verdi.it' })] });
    const plan = planLeadImport(
      table.rows,
      options(table.headers, { basis: 'file', given: true, wording: 'Consenso raccolto in fiera' }),
      index,
      ctx,
    );
    expect(plan.map((r) => [r.line, r.kind])).toEqual([
      [2, 'new'],
      [3, 'error'],
      [4, 'error'],
      [5, 'error'],
      [6, 'duplicate'],
    ]);
    const first = plan[0]!;
    expect(first.kind === 'new' && first.input).toMatchObject({
      firstName: 'Anna',
      company: 'Rossi S.r.l.',
      jobTitle: 'CEO',
      mobile: '333 1',
      rating: 'hot',
      address: {
        street: 'Via Roma 1',
        city: 'Padova',
        province: 'PD',
        postalCode: '35100',
        country: 'IT',
      },
      source: 'trade_fair',
      sourceDetail: 'fiera.csv',
      consent: { given: true, how: 'import_file', wording: 'Consenso raccolto in fiera' },
    });
    const messages = plan.flatMap((r) => (r.kind === 'error' ? [r.message] : []));
    expect(messages[0]!.en).toBe('Line 3: Enter a name or a company for the lead.');
    expect(messages[1]!.it).toBe('Riga 4: not-an-email non è un indirizzo email valido.');
    expect(messages[2]!.en).toContain('Line 5: the rating "Lukewarm"');
    const dup = plan[4]!;
    expect(dup.kind === 'duplicate' && dup.candidates[0]!.reasons).toEqual(['email']);
  });

  it('records consent from a column as such, and refuses an unclear answer', () => {
    const headers = ['Last Name', 'Consenso'];
    const rows = [
      { line: 2, cells: ['A', 'sì'] },
      { line: 3, cells: ['B', 'no'] },
      { line: 4, cells: ['C', 'forse'] },
    ];
    const plan = planLeadImport(
      rows,
      options(headers, { basis: 'column' }),
      buildDuplicateIndex({}),
      ctx,
    );
    expect(plan[0]!.kind === 'new' && plan[0]!.input.consent).toMatchObject({
      given: true,
      how: 'import_column',
      at: '2026-03-10T09:00:00.000Z',
    });
    expect(plan[1]!.kind === 'new' && plan[1]!.input.consent?.given).toBe(false);
    expect(plan[2]!.kind).toBe('error');
  });

  it('finds the same duplicates through the index as one by one, similar company included', () => {
    const pool = [
      existing({ company: 'Acme Italia S.r.l.' }),
      existing({ vatNumber: 'IT01234567890' }),
      existing({ company: 'Zeta' }),
    ];
    const index = buildDuplicateIndex({ leads: pool });
    const probe = existing({ company: 'ACME', vatNumber: '01234567890' });
    expect(index.candidates(probe).map((c) => [c.id, c.reasons])).toEqual([
      [pool[1]!.id, ['vat_number']],
      [pool[0]!.id, ['company_name']],
    ]);
  });
});
