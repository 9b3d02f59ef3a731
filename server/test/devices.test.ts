// Device identity on a real SQLite file and a real PostgreSQL: a device is its installation,
// its name only a label; a device registered before installation ids keeps its series.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceInfo, PushResponse } from '../../shared/sync/protocol';
import type { FairleadServer } from '../src/app';
import { hashPassword } from '../src/auth/passwords';
import { newId } from '../src/ids';
import { baseline } from '../src/storage/migrations/001-baseline';
import { SCHEMA_TABLE_SQL } from '../src/storage/migrations';
import { quoteDoc } from './fixtures';
import type { Office, Place } from './harness';
import { adapters, freshPlace, PASSWORD, seedOffice, signIn, startServer } from './harness';

const installation = (): string => `inst-${newId()}`;

describe.each(adapters)('devices on %s', (adapter) => {
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

  it('keeps the series of an installation and gives every new installation its own', async () => {
    const laptop = installation();
    const first = await signIn(server, office.a.email, 'Windows 2026-12-01', {
      installationId: laptop,
    });
    // The same display name on the same day: the second laptop is another device.
    const second = await signIn(server, office.a.email, 'Windows 2026-12-01', {
      installationId: installation(),
    });
    expect(second.login.device.series).not.toBe(first.login.device.series);
    expect(second.login.device.id).not.toBe(first.login.device.id);
    const again = await signIn(server, office.a.email, 'another name', { installationId: laptop });
    expect(again.login.device).toMatchObject({
      id: first.login.device.id,
      series: first.login.device.series,
      name: 'Windows 2026-12-01',
    });
    // An installation id is per user: Carla on the same computer is her own device.
    const carla = await signIn(server, office.c.email, 'Windows 2026-12-01', {
      installationId: laptop,
    });
    expect(carla.login.device.series).not.toBe(first.login.device.series);
  });

  it('renames the device of the session, keeping its series', async () => {
    const id = installation();
    const device = await signIn(server, office.a.email, 'Linux 2026-12-01', { installationId: id });
    const res = await device.put('/api/devices/current', { name: '  Anna’s tablet ' });
    expect(res.status).toBe(200);
    const renamed = (await res.json()) as DeviceInfo;
    expect(renamed).toEqual({
      id: device.login.device.id,
      name: 'Anna’s tablet',
      series: device.login.device.series,
    });
    const again = await signIn(server, office.a.email, 'Linux 2026-12-02', { installationId: id });
    expect(again.login.device.name).toBe('Anna’s tablet');
    for (const body of [{ name: '' }, { name: '   ' }, { name: 'a\u0000b' }, { name: 7 }, {}]) {
      const bad = await device.put('/api/devices/current', body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(await bad.json()).toMatchObject({ code: 'bad_request' });
    }
    const anonymous = await fetch(`${server.url}/api/devices/current`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x' }),
    });
    expect(anonymous.status).toBe(401);
    expect((await server.storage.findDeviceById(device.login.device.id))?.name).toBe(
      'Anna’s tablet',
    );
  });

  it('refuses an installation or device id that is not one', async () => {
    const login = (identity: Record<string, string>) =>
      fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: office.a.email,
          password: PASSWORD,
          deviceName: 'x',
          ...identity,
        }),
      });
    for (const installationId of [
      'short',
      'x'.repeat(65),
      'has space in it here',
      'nul\u0000nul-nul-nul-nul',
    ]) {
      const res = await login({ installationId });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'bad_request' });
    }
    for (const knownDeviceId of ['', 'd\u0000evice', 'x'.repeat(65), '../devices']) {
      const res = await login({ installationId: installation(), knownDeviceId });
      expect(res.status).toBe(400);
    }
  });

  it('moves a device of an older release to its installation id without a new series', async () => {
    // An old device signs in by name only, twice: one device, as before.
    const old = await signIn(server, office.a.email, 'old laptop');
    expect((await signIn(server, office.a.email, 'old laptop')).login.device.id).toBe(
      old.login.device.id,
    );
    // Upgraded, it sends its installation id and the device id it remembers.
    const id = installation();
    const upgraded = await signIn(server, office.a.email, 'old laptop', {
      installationId: id,
      knownDeviceId: old.login.device.id,
    });
    expect(upgraded.login.device).toMatchObject({
      id: old.login.device.id,
      series: old.login.device.series,
    });
    // From now on the installation id alone finds it; the device id cannot be taken again.
    expect(
      (await signIn(server, office.a.email, 'renamed', { installationId: id })).login.device.id,
    ).toBe(old.login.device.id);
    const thief = await signIn(server, office.a.email, 'old laptop', {
      installationId: installation(),
      knownDeviceId: old.login.device.id,
    });
    expect(thief.login.device.series).not.toBe(old.login.device.series);
    // Nor can another user adopt someone's legacy device.
    const legacy = await signIn(server, office.c.email, 'carla laptop');
    const other = await signIn(server, office.a.email, 'carla laptop', {
      installationId: installation(),
      knownDeviceId: legacy.login.device.id,
    });
    expect(other.login.device.series).not.toBe(legacy.login.device.series);
    expect(
      (await server.storage.findDeviceById(legacy.login.device.id))?.installationId,
    ).toBeNull();
  });
});

describe.each(adapters)('upgrading a version-1 database on %s', (adapter) => {
  let place: Place | undefined;
  let server: FairleadServer | undefined;
  afterEach(async () => {
    await server?.close();
    await place?.drop();
    server = undefined;
    place = undefined;
  });

  /** A database as release 0.1.0 left it: a seller, her laptop with series LEGA, a quote. */
  const writeVersion1 = async (p: Place, hash: string): Promise<void> => {
    const quote = quoteDoc('q-legacy-1', 'u-legacy', 'Q-LEGA-00003');
    const revision = {
      ...quoteDoc('q-legacy-2', 'u-legacy', 'Q-LEGA-00003'),
      revisionNumber: 1,
      previousQuoteId: 'q-legacy-1',
    };
    const statements: [string, unknown[]][] = [
      [
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, 'baseline', 'then')",
        [],
      ],
      [
        "INSERT INTO users (id, email, name, role, team_id, password_hash, created_at) VALUES ('u-legacy', 'lia@old.example', 'Lia', 'seller', NULL, ?, 'then')",
        [hash],
      ],
      [
        "INSERT INTO devices (id, user_id, name, series, created_at) VALUES ('d-legacy', 'u-legacy', 'laptop', 'LEGA', 'then')",
        [],
      ],
      ["INSERT INTO numbering (series, kind, year, seq) VALUES ('LEGA', 'quote', '', 3)", []],
      ["INSERT INTO counters (collection, seq) VALUES ('quotes', 2)", []],
      [
        "INSERT INTO docs (collection, id, seq, owner_id, team_id, deleted, updated_at, doc) VALUES ('quotes', 'q-legacy-1', 1, 'u-legacy', NULL, ?, 'then', ?)",
        [adapter === 'postgres' ? false : 0, JSON.stringify(quote)],
      ],
      [
        "INSERT INTO docs (collection, id, seq, owner_id, team_id, deleted, updated_at, doc) VALUES ('quotes', 'q-legacy-2', 2, 'u-legacy', NULL, ?, 'then', ?)",
        [adapter === 'postgres' ? false : 0, JSON.stringify(revision)],
      ],
    ];
    if (p.databaseUrl) {
      const c = new pg.Client({ connectionString: p.databaseUrl });
      await c.connect();
      await c.query(SCHEMA_TABLE_SQL);
      await c.query(baseline.postgres);
      for (const [sql, params] of statements) {
        let n = 0;
        await c.query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        );
      }
      await c.end();
    } else {
      const db = new Database(join(p.dataDir, 'fairlead.sqlite'));
      db.exec(SCHEMA_TABLE_SQL);
      db.exec(baseline.sqlite);
      for (const [sql, params] of statements) db.prepare(sql).run(...params);
      db.close();
    }
  };

  it('keeps the legacy device and its series, and knows the numbers already issued', async () => {
    place = await freshPlace(adapter);
    await writeVersion1(place, await hashPassword(PASSWORD));
    server = await startServer(place);
    expect(await server.storage.schemaVersion()).toBeGreaterThanOrEqual(2);
    const lia = await signIn(server, 'lia@old.example', 'laptop', {
      installationId: installation(),
      knownDeviceId: 'd-legacy',
    });
    expect(lia.login.device).toMatchObject({ id: 'd-legacy', series: 'LEGA' });
    expect(lia.login.device.lastNumbers.quote).toBe(3);
    const push = async (number: string): Promise<PushResponse> =>
      (await (
        await lia.post('/api/sync/quotes/push', [
          { newDocumentState: quoteDoc(newId(), 'u-legacy', number) },
        ])
      ).json()) as PushResponse;
    expect((await push('Q-LEGA-00003')).rejected).toEqual([
      expect.objectContaining({ code: 'number_taken' }),
    ]);
    expect((await push('Q-LEGA-00004')).rejected).toEqual([]);
    // The stored revision holds its revision of the number: a second revision 1 is refused.
    const again = await lia.post('/api/sync/quotes/push', [
      {
        newDocumentState: {
          ...quoteDoc(newId(), 'u-legacy', 'Q-LEGA-00003'),
          revisionNumber: 1,
          previousQuoteId: 'q-legacy-1',
        },
      },
    ]);
    expect(((await again.json()) as PushResponse).rejected).toEqual([
      expect.objectContaining({ code: 'number_taken' }),
    ]);
    expect((await server.storage.highWater('LEGA')).quote).toBe(4);
  });
});
