// Restore (admin CLI): loads a backup written by backup.ts into an empty data folder or
// database — refused on one holding an office unless forced — in one transaction, and gives
// the office a new epoch so every device notices and re-syncs (DESIGN.md §4).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { BACKUP_FORMAT, BACKUP_VERSION } from './backup';
import type { BackupEnd, BackupHeader, BackupLine } from './backup';
import { OfficeError } from './office';
import { latestVersion } from './storage/migrations';
import { SNAPSHOT_PAGE } from './storage/snapshot';
import type { ServerEpoch, Storage, TableRows } from './storage/types';

export type RestoreReport = { documents: number; epoch: ServerEpoch; from: BackupHeader };

const bad = (file: string, why: string): OfficeError =>
  new OfficeError(`${file} is not a Fairlead backup this server can restore: ${why}`);

const checkHeader = (file: string, value: unknown): BackupHeader => {
  const h = value as Partial<BackupHeader> | null;
  if (h === null || typeof h !== 'object' || h.format !== BACKUP_FORMAT)
    throw bad(file, 'its first line is not a backup header.');
  if (h.version !== BACKUP_VERSION)
    throw bad(
      file,
      `it has format version ${String(h.version)}; this server reads ${BACKUP_VERSION}.`,
    );
  if (typeof h.schemaVersion !== 'number' || h.schemaVersion > latestVersion())
    throw bad(
      file,
      `it was written at schema version ${String(h.schemaVersion)}, newer than this server's ${latestVersion()}. Upgrade the server first.`,
    );
  return h as BackupHeader;
};

/** The file's rows a page at a time; throws if the file is cut short or its counts disagree. */
async function* readPages(
  file: string,
  lines: AsyncIterable<string>,
  counted: Record<string, number>,
): AsyncGenerator<TableRows> {
  let page: TableRows | null = null;
  let end: BackupEnd | null = null;
  let n = 1;
  for await (const text of lines) {
    n += 1;
    if (text.trim() === '') continue;
    if (end !== null) throw bad(file, `line ${n} comes after the end line.`);
    let value: Partial<BackupLine & BackupEnd>;
    try {
      value = JSON.parse(text) as Partial<BackupLine & BackupEnd>;
    } catch {
      throw bad(file, `line ${n} is not valid JSON.`);
    }
    if (value.end === true) {
      end = value as BackupEnd;
      continue;
    }
    if (typeof value.table !== 'string' || value.row === null || typeof value.row !== 'object')
      throw bad(file, `line ${n} is neither a table row nor the end line.`);
    counted[value.table] = (counted[value.table] ?? 0) + 1;
    if (page !== null && (page.table !== value.table || page.rows.length >= SNAPSHOT_PAGE)) {
      yield page;
      page = null;
    }
    page ??= { table: value.table, rows: [] };
    page.rows.push(value.row);
  }
  if (page !== null) yield page;
  if (end === null) throw bad(file, 'it ends before its end line (the file was cut short).');
  for (const [table, rows] of Object.entries(end.rows)) {
    if ((counted[table] ?? 0) !== rows)
      throw bad(file, `it lists ${rows} rows of ${table} but holds ${counted[table] ?? 0}.`);
  }
}

export const restoreBackup = async (
  storage: Storage,
  file: string,
  options: { force: boolean },
): Promise<RestoreReport> => {
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  try {
    const first = await lines.next().catch((err: unknown) => {
      throw new OfficeError(
        `Cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`,
      );
    });
    let header: unknown = null;
    try {
      header = first.done === true ? null : JSON.parse(first.value);
    } catch {
      // reported just below
    }
    const from = checkHeader(file, header);
    const counted: Record<string, number> = {};
    const rest = { [Symbol.asyncIterator]: () => lines };
    const epoch = await storage.restoreTables(readPages(file, rest, counted), options);
    return { documents: counted.docs ?? 0, epoch, from };
  } finally {
    input.destroy();
  }
};
