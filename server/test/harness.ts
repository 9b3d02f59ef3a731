// Test harness: the same suites run on a real SQLite file and on a real PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { LoginResponse } from '../../shared/sync/protocol';
import { createServer } from '../src/app';
import type { FairleadServer, ServerOptions } from '../src/app';
import { addUser } from '../src/office';
import type { User } from '../src/storage/types';

export const pgUrl = process.env.FAIRLEAD_TEST_PG_URL;

export type AdapterName = 'sqlite' | 'postgres';
export const adapters: AdapterName[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
if (!pgUrl) {
  console.warn(
    'FAIRLEAD_TEST_PG_URL is not set: the PostgreSQL runs of the server suite are skipped.',
  );
}

/** A fresh, empty store: a temp folder for SQLite, a new database for PostgreSQL. */
export type Place = { dataDir: string; databaseUrl?: string; drop(): Promise<void> };

export const freshPlace = async (adapter: AdapterName): Promise<Place> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fairlead-server-'));
  if (adapter === 'sqlite' || !pgUrl) {
    return { dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `fairlead_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  return {
    dataDir,
    databaseUrl: url.toString(),
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
};

export const startServer = async (
  place: Place,
  options: ServerOptions = {},
): Promise<FairleadServer> => {
  const server = await createServer({
    dataDir: place.dataDir,
    databaseUrl: place.databaseUrl,
    poolMax: 4,
    ...options,
  });
  await server.listen(0);
  return server;
};

export const PASSWORD = 'correct horse battery';

/** Two teams: north (seller a, seller c, manager m) and south (seller b); an admin. */
export type Office = { a: User; b: User; c: User; m: User; admin: User };

export const seedOffice = async (server: FairleadServer): Promise<Office> => {
  const s = server.storage;
  const a = await addUser(s, {
    email: 'anna@north.example',
    password: PASSWORD,
    role: 'seller',
    team: 'North',
  });
  const [b, c, m, admin] = await Promise.all([
    addUser(s, { email: 'bruno@south.example', password: PASSWORD, role: 'seller', team: 'South' }),
    addUser(s, {
      email: 'carla@north.example',
      password: PASSWORD,
      role: 'seller',
      team: 'North',
      passwordHash: a.passwordHash,
    }),
    addUser(s, {
      email: 'marco@north.example',
      password: PASSWORD,
      role: 'manager',
      team: 'North',
      passwordHash: a.passwordHash,
    }),
    addUser(s, {
      email: 'admin@office.example',
      password: PASSWORD,
      role: 'admin',
      passwordHash: a.passwordHash,
    }),
  ]);
  return { a, b, c, m, admin };
};

/** A tiny client of the wire protocol. */
export type Client = {
  login: LoginResponse;
  get(path: string): Promise<Response>;
  post(path: string, body: unknown): Promise<Response>;
  put(path: string, body: unknown): Promise<Response>;
};

export const signIn = async (
  server: { url?: string },
  email: string,
  deviceName = 'laptop',
  identity: { installationId?: string; knownDeviceId?: string } = {},
): Promise<Client> => {
  const base = server.url ?? '';
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD, deviceName, ...identity }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const login = (await res.json()) as LoginResponse;
  const auth = { authorization: `Bearer ${login.token}` };
  return {
    login,
    get: (path) => fetch(`${base}${path}`, { headers: auth }),
    post: (path, body) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    put: (path, body) =>
      fetch(`${base}${path}`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
  };
};
