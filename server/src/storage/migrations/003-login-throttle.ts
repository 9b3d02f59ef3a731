// Version 3: failed sign-in counters in the database, so every server process of an office
// counts the same failures (auth/rate-limit.ts). Times are milliseconds since the epoch.
import type { Migration } from './types';

const table = (int: string) => `
CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY, failures INTEGER NOT NULL, since ${int} NOT NULL,
  locked_until ${int} NOT NULL, updated_at ${int} NOT NULL);
CREATE INDEX login_throttle_updated ON login_throttle (updated_at);
`;

export const loginThrottle: Migration = {
  version: 3,
  name: 'login throttle counters',
  sqlite: table('INTEGER'),
  postgres: table('BIGINT'),
};
