// A server that holds a whole sales force: sessions renewed without the password, hashing in
// a bounded pool, and SQLite pulls read on their own connection, off the event loop.
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RefreshResponse } from '../../shared/sync/protocol';
import type { FairleadServer } from '../src/app';
import { HashPool, hashPool } from '../src/auth/hash-pool';
import { hashPassword, verifyPassword } from '../src/auth/passwords';
import { newId } from '../src/ids';
import { disableUser, writeOfficeDocs } from '../src/office';
import { leadDoc } from './fixtures';
import type { Office, Place } from './harness';
import { adapters, freshPlace, seedOffice, signIn, startServer } from './harness';

const refresh = (url: string, token: string): Promise<Response> =>
  fetch(`${url}/api/auth/refresh`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });

describe('the password hashing pool', () => {
  it('runs at most its size of hashes at once and answers each in order of arrival', async () => {
    const pool = new HashPool(1);
    try {
      const salt = Buffer.alloc(16, 7);
      const jobs = ['uno', 'due', 'tre'].map((password) =>
        pool.scrypt({ password, salt, keyLength: 32, n: 1024, r: 8, p: 1 }),
      );
      // One runs, two wait their turn.
      expect(pool.waiting).toBe(2);
      const keys = await Promise.all(jobs);
      expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(3);
      expect(pool.waiting).toBe(0);
      expect(pool.hashed).toBe(3);
    } finally {
      await pool.close();
    }
  });

  it('checks passwords hashed in the pool and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('wrong horse battery', stored)).toBe(false);
    expect(await verifyPassword('x', 'not a hash')).toBe(false);
  });
});

describe.each(adapters)('renewing a session on %s', (adapter) => {
  let place: Place;
  let server: FairleadServer;
  let office: Office;

  beforeAll(async () => {
    place = await freshPlace(adapter);
    server = await startServer(place, { tokenTtlSeconds: 3600 });
    office = await seedOffice(server);
  });
  afterAll(async () => {
    await server?.close();
    await place?.drop();
  });

  it('gives a fresh token with a later expiry, computing no password hash', async () => {
    const anna = await signIn(server, office.a.email);
    const url = server.url ?? '';
    const before = hashPool().hashed;
    await new Promise((r) => setTimeout(r, 20));
    const res = await refresh(url, anna.login.token);
    expect(res.status).toBe(200);
    const renewed = (await res.json()) as RefreshResponse;
    expect(hashPool().hashed).toBe(before);
    expect(renewed.token).not.toBe(anna.login.token);
    expect(Date.parse(renewed.expiresAt)).toBeGreaterThan(Date.parse(anna.login.expiresAt));
    // The new token is the same seller on the same device.
    const me = await fetch(`${url}/api/auth/me`, {
      headers: { authorization: `Bearer ${renewed.token}` },
    });
    expect(((await me.json()) as { id: string }).id).toBe(office.a.id);
    const pulled = await fetch(`${url}/api/sync/leads/pull`, {
      headers: { authorization: `Bearer ${renewed.token}` },
    });
    expect(pulled.status).toBe(200);
    // The old token still works until its own expiry (a lost answer signs nobody out).
    expect((await anna.get('/api/auth/me')).status).toBe(200);
  });

  it('refuses to renew a missing, revoked or disabled session in both languages', async () => {
    const url = server.url ?? '';
    const none = await fetch(`${url}/api/auth/refresh`, { method: 'POST' });
    expect(none.status).toBe(401);
    const body = (await none.json()) as { messages: { en: string; it: string } };
    expect(body.messages.en).toMatch(/sign in again/);
    expect(body.messages.it).toMatch(/Accedi di nuovo/);
    const carla = await signIn(server, office.c.email);
    expect((await carla.post('/api/auth/logout', {})).status).toBe(200);
    expect((await refresh(url, carla.login.token)).status).toBe(401);
    const bruno = await signIn(server, office.b.email);
    await disableUser(server.storage, office.b.email);
    expect((await refresh(url, bruno.login.token)).status).toBe(401);
  });
});

describe.each(adapters)('pull pages by visibility on %s', (adapter) => {
  let place: Place;
  let server: FairleadServer;
  let office: Office;

  beforeAll(async () => {
    place = await freshPlace(adapter);
    server = await startServer(place);
    office = await seedOffice(server);
  });
  afterAll(async () => {
    await server?.close();
    await place?.drop();
  });

  it('walk the team branch and the own branch in checkpoint order, each document once', async () => {
    const mine = Array.from({ length: 5 }, (_, i) =>
      leadDoc(newId(), office.a.id, { lastName: `Anna ${i}` }),
    );
    const team = Array.from({ length: 5 }, (_, i) =>
      leadDoc(newId(), office.c.id, { lastName: `Carla ${i}` }),
    );
    const south = Array.from({ length: 5 }, (_, i) =>
      leadDoc(newId(), office.b.id, { lastName: `Bruno ${i}` }),
    );
    await writeOfficeDocs(
      server.storage,
      'leads',
      mine.flatMap((m, i) => [m, team[i], south[i]].filter((d) => d !== undefined)),
    );
    const scope = { kind: 'filter', ownerId: office.a.id, teamId: office.a.teamId } as const;
    const seen: string[] = [];
    let after = 0;
    for (;;) {
      const page = await server.storage.pull('leads', scope, after, 3);
      if (page.length === 0) break;
      expect(page.map((d) => d.seq)).toEqual([...page.map((d) => d.seq)].sort((a, b) => a - b));
      seen.push(...page.map((d) => d.id));
      after = page.at(-1)?.seq ?? after;
    }
    const expected = [...mine, ...team].map((d) => d.id);
    expect(seen.filter((id) => expected.includes(id)).sort()).toEqual([...expected].sort());
    expect(seen.some((id) => south.some((d) => d.id === id))).toBe(false);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('pulls on SQLite', () => {
  let place: Place;
  let server: FairleadServer;
  let office: Office;

  beforeAll(async () => {
    place = await freshPlace('sqlite');
    server = await startServer(place);
    office = await seedOffice(server);
  });
  afterAll(async () => {
    await server?.close();
    await place?.drop();
  });

  it('read the last commit on their own connection while the writer holds a transaction', async () => {
    const committed = leadDoc(newId(), office.a.id, { lastName: 'Committed' });
    await writeOfficeDocs(server.storage, 'leads', [committed]);
    const writer = Reflect.get(server.storage, 'db') as Database.Database;
    writer.exec('BEGIN IMMEDIATE');
    try {
      writer
        .prepare(
          "INSERT INTO docs (collection, id, seq, owner_id, team_id, deleted, updated_at, doc) VALUES ('leads', 'in-flight', 999999, ?, NULL, 0, 'now', '{}')",
        )
        .run(office.a.id);
      // A read on the writer's connection would see its own uncommitted row.
      const page = await server.storage.pull(
        'leads',
        { kind: 'filter', ownerId: office.a.id, teamId: null },
        0,
        100,
      );
      expect(page.map((d) => d.id)).toEqual([committed.id]);
    } finally {
      writer.exec('ROLLBACK');
    }
  });
});
