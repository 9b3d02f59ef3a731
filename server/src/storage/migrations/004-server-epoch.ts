// Version 4: the server epoch, an id of the history the office's sequence numbers belong to.
// A restore (or an operator's recovery) gives a new one, so devices whose checkpoints point
// into the old history notice, pull again from the start and push what the office lost.
import type { Migration } from './types';

export const serverEpoch: Migration = {
  version: 4,
  name: 'server epoch',
  sqlite: `
CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO server_meta (key, value) VALUES ('epoch', lower(hex(randomblob(16))));
`,
  postgres: `
CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO server_meta (key, value) VALUES ('epoch', replace(gen_random_uuid()::text, '-', ''));
`,
};
