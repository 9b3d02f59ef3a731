// An .xlsx attendee list as the same table a CSV gives: the first sheet, its first row as the
// headers, each cell as the text a seller sees in the spreadsheet, rows numbered as there.
import readXlsxFile from 'read-excel-file/universal';
import type { CsvTable } from '../../../shared/import/csv';
import type { LocalizedText } from '../../../shared/domain/errors';

const pad = (n: number) => String(n).padStart(2, '0');

// Dates come as Date at UTC midnight for a day; a time is kept only when the cell has one.
const dateText = (d: Date): string => {
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  return h === 0 && m === 0 ? day : `${day} ${pad(h)}:${pad(m)}`;
};

const cellText = (cell: unknown): string => {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : dateText(cell);
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  return String(cell).trim();
};

export const notAWorkbook: LocalizedText = {
  en: 'This file is not an Excel workbook (.xlsx) that can be read. Save it again as .xlsx or CSV and retry.',
  it: 'Questo file non è una cartella di lavoro Excel (.xlsx) leggibile. Salvalo di nuovo come .xlsx o CSV e riprova.',
};

export type XlsxRead = { ok: true; table: CsvTable } | { ok: false; error: LocalizedText };

/** Reads the first sheet of an .xlsx file; a damaged or foreign file gives a plain error. */
export const xlsxTable = async (bytes: Uint8Array): Promise<XlsxRead> => {
  let data: unknown[][];
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    // Numbers keep the digits written in the cell (postal codes, phone numbers, VAT numbers).
    const sheets = await readXlsxFile(buffer as ArrayBuffer, { parseNumber: (s: string) => s });
    data = sheets[0]?.data ?? [];
  } catch {
    return { ok: false, error: notAWorkbook };
  }
  const [head = [], ...body] = data;
  const headers = head.map(cellText);
  const rows = body
    .map((cells, i) => ({ line: i + 2, cells: cells.map(cellText) }))
    .filter((row) => row.cells.some((c) => c !== ''));
  return { ok: true, table: { delimiter: ',', headers, rows } };
};
