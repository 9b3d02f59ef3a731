// The versions every figure names: Node, Chromium, RxDB, Fastify, SQLite, PostgreSQL, PouchDB.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Versions } from './figures';
import { packageVersion, repoRoot } from './figures';

const requireFromServer = createRequire(join(repoRoot, 'server/package.json'));

const sqliteVersion = (): string | null => {
  try {
    type Db = { prepare(sql: string): { get(): { v: string } }; close(): void };
    const Database = requireFromServer('better-sqlite3') as new (path: string) => Db;
    const db = new Database(':memory:');
    const v = db.prepare('select sqlite_version() as v').get().v;
    db.close();
    return `${v} (better-sqlite3 ${packageVersion('better-sqlite3') ?? '?'})`;
  } catch {
    return null;
  }
};

const postgresVersion = async (url: string | undefined): Promise<string | null> => {
  if (!url) return null;
  try {
    type Client = {
      connect(): Promise<void>;
      query(sql: string): Promise<{ rows: { server_version: string }[] }>;
      end(): Promise<void>;
    };
    const pg = requireFromServer('pg') as {
      Client: new (o: { connectionString: string }) => Client;
    };
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('show server_version');
    await client.end();
    return rows[0]?.server_version ?? null;
  } catch {
    return null;
  }
};

export const collectVersions = async (
  chromium: string | null,
  pgUrl: string | undefined,
): Promise<Versions> => ({
  node: process.version,
  chromium,
  rxdb: packageVersion('rxdb') ?? '?',
  fastify: packageVersion('fastify') ?? '?',
  sqlite: sqliteVersion(),
  postgres: await postgresVersion(pgUrl),
  pouchdb: packageVersion('pouchdb-core'),
});
