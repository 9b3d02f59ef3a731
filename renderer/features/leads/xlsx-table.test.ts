// A real .xlsx with Dynamics 365 lead export headers read into the import's table: the first
// sheet only, spreadsheet row numbers, dates and numbers as the seller reads them.
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { detectHeaderFormat, guessMapping } from '../../../shared/import/lead-columns';
import { buildXlsx } from '../../../test/support/xlsx-workbook';
import { notAWorkbook, xlsxTable } from './xlsx-table';

const d365 = [
  'First Name',
  'Last Name',
  'Company Name',
  'Email',
  'Business Phone',
  'ZIP/Postal Code',
  'Created On',
];

describe('xlsx attendee list', () => {
  it('reads the first sheet with D365 headers into numbered rows', async () => {
    const bytes = buildXlsx([
      d365,
      [
        'Giulia',
        'Bianchi',
        'Officine Sud',
        'giulia@officinesud.it',
        390212345678,
        '20121',
        { date: new Date(Date.UTC(2026, 2, 14)) },
      ],
      [null, null, null, null, null, null, null],
      ['Tom', 'Archer', 'Archer & Co <UK>', 'tom@archer.example', '+44 20 7946 0000', 12.5, null],
    ]);
    const read = await xlsxTable(bytes);
    if (!read.ok) throw new Error(read.error.en);
    expect(read.table.headers).toEqual(d365);
    expect(read.table.rows).toEqual([
      {
        line: 2,
        cells: [
          'Giulia',
          'Bianchi',
          'Officine Sud',
          'giulia@officinesud.it',
          '390212345678',
          '20121',
          '2026-03-14',
        ],
      },
      // Row 3 is blank: skipped, and the next row keeps its spreadsheet number.
      {
        line: 4,
        cells: [
          'Tom',
          'Archer',
          'Archer & Co <UK>',
          'tom@archer.example',
          '+44 20 7946 0000',
          '12.5',
          '',
        ],
      },
    ]);
    const mapping = guessMapping(read.table.headers);
    expect(detectHeaderFormat(read.table.headers)).toBe('d365');
    expect(mapping.slice(0, 5)).toEqual(['firstName', 'lastName', 'company', 'email', 'phone']);
  });

  it('answers a plain bilingual error for a file that is not a workbook', async () => {
    const foreign = [
      strToU8('First Name,Last Name\nA,B\n'),
      zipSync({ 'readme.txt': strToU8('just a zip') }),
      new Uint8Array(0),
    ];
    for (const bytes of foreign) {
      expect(await xlsxTable(bytes)).toEqual({ ok: false, error: notAWorkbook });
    }
    expect(notAWorkbook.it).toMatch(/non è una cartella di lavoro Excel/);
  });
});
