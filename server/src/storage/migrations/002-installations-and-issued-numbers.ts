// Version 2: devices are told apart by their installation id, not their name (two laptops of
// one seller may share a name), and every document number a document took is kept in
// issued_numbers under a unique key, so no kind of number is ever issued twice.
import type { Migration } from './types';

// Numbers already stored, oldest first: where old data holds a duplicate, the first keeps it.
// A quote revision keeps its quote's number, so it holds the number with its revision.
const backfill = (numberOf: string, revisionOf: string, isRevision: string): string => `
INSERT INTO issued_numbers (kind, number, doc_id)
SELECT CASE collection WHEN 'quotes' THEN 'quote' WHEN 'orders' THEN 'order' ELSE 'invoice' END,
       CASE WHEN collection = 'quotes' AND ${isRevision}
            THEN ${numberOf} || ' rev ' || ${revisionOf} ELSE ${numberOf} END,
       id
FROM docs
WHERE collection IN ('quotes', 'orders', 'invoices') AND ${numberOf} IS NOT NULL AND ${numberOf} <> ''
ORDER BY seq
ON CONFLICT DO NOTHING;`;

export const installationsAndIssuedNumbers: Migration = {
  version: 2,
  name: 'devices by installation id; issued document numbers',
  // SQLite cannot drop a table constraint: the devices table is rebuilt without UNIQUE(user_id, name).
  sqlite: `
CREATE TABLE devices_v2 (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL, name TEXT NOT NULL, series TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL, installation_id TEXT);
INSERT INTO devices_v2 (id, user_id, name, series, created_at)
  SELECT id, user_id, name, series, created_at FROM devices;
DROP TABLE devices;
ALTER TABLE devices_v2 RENAME TO devices;
CREATE UNIQUE INDEX devices_installation ON devices (user_id, installation_id);
CREATE INDEX devices_user_name ON devices (user_id, name);
CREATE TABLE issued_numbers (
  kind TEXT NOT NULL, number TEXT NOT NULL, doc_id TEXT NOT NULL, PRIMARY KEY (kind, number));
CREATE INDEX issued_numbers_doc ON issued_numbers (doc_id);
${backfill(
  "json_extract(doc, '$.number')",
  "json_extract(doc, '$.revisionNumber')",
  "COALESCE(json_extract(doc, '$.revisionNumber'), 0) <> 0",
)}
`,
  postgres: `
ALTER TABLE devices DROP CONSTRAINT IF EXISTS devices_user_id_name_key;
ALTER TABLE devices ADD COLUMN installation_id TEXT;
CREATE UNIQUE INDEX devices_installation ON devices (user_id, installation_id);
CREATE INDEX devices_user_name ON devices (user_id, name);
CREATE TABLE issued_numbers (
  kind TEXT NOT NULL, number TEXT NOT NULL, doc_id TEXT NOT NULL, PRIMARY KEY (kind, number));
CREATE INDEX issued_numbers_doc ON issued_numbers (doc_id);
${backfill(
  "(doc::jsonb ->> 'number')",
  "(doc::jsonb ->> 'revisionNumber')",
  "COALESCE(doc::jsonb ->> 'revisionNumber', '0') <> '0'",
)}
`,
};
