// Version 1: the tables of release 0.1.0, which created them with IF NOT EXISTS and kept no
// schema version. Kept with IF NOT EXISTS so a 0.1.0 database upgrades by recording it.
import type { Migration } from './types';

export const baseline: Migration = {
  version: 1,
  name: 'baseline (release 0.1.0)',
  sqlite: `
CREATE TABLE IF NOT EXISTS teams (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL,
  team_id TEXT, password_hash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS devices (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL, name TEXT NOT NULL, series TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL, UNIQUE (user_id, name));
CREATE TABLE IF NOT EXISTS numbering (
  series TEXT NOT NULL, kind TEXT NOT NULL, year TEXT NOT NULL, seq INTEGER NOT NULL,
  PRIMARY KEY (series, kind, year));
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, device_id TEXT NOT NULL,
  expires_at TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS counters (collection TEXT PRIMARY KEY, seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
  collection TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, owner_id TEXT NOT NULL,
  team_id TEXT, deleted INTEGER NOT NULL, updated_at TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (collection, id));
CREATE UNIQUE INDEX IF NOT EXISTS docs_seq ON docs (collection, seq);
CREATE INDEX IF NOT EXISTS docs_owner ON docs (collection, owner_id, seq);
CREATE INDEX IF NOT EXISTS docs_team ON docs (collection, team_id, seq);
`,
  postgres: `
CREATE TABLE IF NOT EXISTS teams (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL,
  team_id TEXT, password_hash TEXT NOT NULL, disabled BOOLEAN NOT NULL DEFAULT false, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS devices (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL, name TEXT NOT NULL, series TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL, UNIQUE (user_id, name));
CREATE TABLE IF NOT EXISTS numbering (
  series TEXT NOT NULL, kind TEXT NOT NULL, year TEXT NOT NULL, seq BIGINT NOT NULL,
  PRIMARY KEY (series, kind, year));
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, device_id TEXT NOT NULL,
  expires_at TEXT NOT NULL, revoked BOOLEAN NOT NULL DEFAULT false);
CREATE TABLE IF NOT EXISTS counters (collection TEXT PRIMARY KEY, seq BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
  collection TEXT NOT NULL, id TEXT NOT NULL, seq BIGINT NOT NULL, owner_id TEXT NOT NULL,
  team_id TEXT, deleted BOOLEAN NOT NULL, updated_at TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (collection, id));
CREATE UNIQUE INDEX IF NOT EXISTS docs_seq ON docs (collection, seq);
CREATE INDEX IF NOT EXISTS docs_owner ON docs (collection, owner_id, seq);
CREATE INDEX IF NOT EXISTS docs_team ON docs (collection, team_id, seq);
`,
};
