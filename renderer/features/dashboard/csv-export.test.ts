import { describe, expect, it } from 'vitest';
import { decimal, reportCsv } from './csv-export';

describe('report CSV', () => {
  it('writes amounts as plain decimals a spreadsheet reads as numbers', () => {
    expect(decimal(123_450)).toBe('1234.50');
    expect(decimal(-5)).toBe('-0.05');
    expect(decimal(0)).toBe('0.00');
    expect(decimal(1234, 0)).toBe('1234');
  });

  it('writes the header and the rows, quoting where needed', () => {
    expect(
      reportCsv({
        columns: ['Seller', 'Amount (EUR)'],
        rows: [
          ['Rossi, Anna', '1234.50'],
          ['=HYPERLINK("x")', '-0.05'],
        ],
      }),
    ).toBe('Seller,Amount (EUR)\r\n"Rossi, Anna",1234.50\r\n"\'=HYPERLINK(""x"")",-0.05\r\n');
  });
});
