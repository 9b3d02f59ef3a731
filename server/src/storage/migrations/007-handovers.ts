// Version 7: handovers. When a manager gives a record to another seller (or an owner moves to
// another team), the previous owner and team lose sight of it; their pulls must still tell
// their devices to remove it. One row per write that changed a document's owner or team, at
// that write's sequence number, so a pull reads it in order with the documents.
import type { Migration } from './types';

const table = (seq: string) => `
CREATE TABLE handovers (
  collection TEXT NOT NULL,
  doc_id TEXT NOT NULL,
  seq ${seq} NOT NULL,
  from_owner_id TEXT NOT NULL,
  from_team_id TEXT,
  PRIMARY KEY (collection, seq)
);
CREATE INDEX handovers_owner ON handovers (collection, from_owner_id, seq);
CREATE INDEX handovers_team ON handovers (collection, from_team_id, seq);
`;

export const handovers: Migration = {
  version: 7,
  name: 'handovers',
  sqlite: table('INTEGER'),
  postgres: table('BIGINT'),
};
