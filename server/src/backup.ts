// Backup (admin CLI): the whole office as one consistent snapshot, streamed to a file as
// NDJSON — a header line, one line per table row, an end line with the counts — so memory
// stays bounded whatever the office's size. Every table travels as the database holds it:
// teams, users with their password hashes, devices, numbering high-water marks, sessions,
// sequence counters and every document with its seq, tombstones included.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Storage } from './storage/types';

export const BACKUP_FORMAT = 'fairlead-backup';
export const BACKUP_VERSION = 2;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  storage: Storage['kind'];
  schemaVersion: number;
  epoch: string;
};
export type BackupLine = { table: string; row: Record<string, unknown> };
export type BackupEnd = { end: true; rows: Record<string, number> };

export type BackupReport = { documents: number; rows: Record<string, number> };

export const exportBackup = async (storage: Storage, file: string): Promise<BackupReport> => {
  const out = createWriteStream(file, { mode: 0o600 });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  const write = async (line: unknown): Promise<void> => {
    // Wait for the disk when the stream's buffer is full: this is what bounds memory.
    if (!out.write(`${JSON.stringify(line)}\n`)) await Promise.race([once(out, 'drain'), failed]);
  };
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    storage: storage.kind,
    schemaVersion: await storage.schemaVersion(),
    epoch: (await storage.serverEpoch()).id,
  };
  await write(header);
  const rows: Record<string, number> = {};
  try {
    await storage.readSnapshot(async ({ table, rows: page }) => {
      rows[table] = (rows[table] ?? 0) + page.length;
      for (const row of page) await write({ table, row } satisfies BackupLine);
    });
    await write({ end: true, rows } satisfies BackupEnd);
  } finally {
    out.end();
  }
  await Promise.race([once(out, 'finish'), failed]);
  return { documents: rows.docs ?? 0, rows };
};
