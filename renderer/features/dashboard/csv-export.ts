// Saves a report's table as CSV (the numbers as shown in its table, amounts as plain decimals
// so a spreadsheet reads them as numbers).
import { formatCsv } from '../../../shared/import/csv';
import { getPlatform } from '../../platform';

export type ReportTable = { columns: string[]; rows: string[][] };

/** Minor units → a plain decimal with a dot (1234.50), as spreadsheets import it. */
export const decimal = (minor: number, digits = 2): string => {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const unit = 10 ** digits;
  const whole = Math.floor(abs / unit);
  const cents = String(abs % unit).padStart(digits, '0');
  return digits === 0 ? `${sign}${whole}` : `${sign}${whole}.${cents}`;
};

export const reportCsv = (table: ReportTable): string => formatCsv([table.columns, ...table.rows]);

export const saveReportCsv = async (name: string, table: ReportTable) => {
  const day = new Date().toISOString().slice(0, 10);
  return getPlatform().saveFile({
    suggestedName: `${name}-${day}.csv`,
    kind: 'csv',
    content: reportCsv(table),
  });
};
