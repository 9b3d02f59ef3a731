// Version 8: indexes for a sales force syncing at once. A pull walks the visibility filter's
// branches (own records, the team's) in checkpoint order: on PostgreSQL the branch indexes
// carry the document id, so each branch is an index-only scan and only the page's rows are
// read; SQLite's indexes carry the rowid already. Statistics let both planners prefer these
// ranges over the collection's sequence. Sessions are looked up by user when an account is
// disabled.
import type { Migration } from './types';

export const pullIndexes: Migration = {
  version: 8,
  name: 'pull indexes by owner and team in checkpoint order',
  sqlite: `
CREATE INDEX IF NOT EXISTS sessions_user ON sessions (user_id);
ANALYZE;
`,
  postgres: `
CREATE INDEX IF NOT EXISTS docs_owner_pull ON docs (collection, owner_id, seq) INCLUDE (id, team_id);
CREATE INDEX IF NOT EXISTS docs_team_pull ON docs (collection, team_id, seq) INCLUDE (id, owner_id);
DROP INDEX IF EXISTS docs_owner;
DROP INDEX IF EXISTS docs_team;
CREATE INDEX IF NOT EXISTS sessions_user ON sessions (user_id);
ANALYZE docs;
`,
};
