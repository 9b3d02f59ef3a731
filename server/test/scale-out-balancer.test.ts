// Three server processes behind HAProxy (server/deploy/haproxy.cfg) over one PostgreSQL:
// real devices sync through the balancer while one process is SIGKILLed mid-run and
// restarted. Devices retry on their own, no acknowledged write is lost, every device
// converges, and a change reaches the live streams held by every process.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../shared/sync/protocol';
import type { Device } from '../../test/sync/harness';
import { converge, startDevice } from '../../test/sync/harness';
import { newLead } from '../../test/sync/fixtures';
import { createServer } from '../src/app';
import { newId } from '../src/ids';
import { leadDoc } from './fixtures';
import type { Client, Office, Place } from './harness';
import { freshPlace, pgUrl, seedOffice, signIn } from './harness';
import type { Balancer, ServerProcess } from './processes';
import { freePort, haproxyAvailable, startBalancer, startServerProcess } from './processes';
import type { StreamReader } from './stream-client';
import { openStream } from './stream-client';

const hasHaproxy = haproxyAvailable();
const skip = !pgUrl || !hasHaproxy;
if (!pgUrl)
  console.warn('FAIRLEAD_TEST_PG_URL is not set: the balancer scale-out test is skipped.');
else if (!hasHaproxy)
  console.warn('haproxy is not installed: the balancer scale-out test is skipped.');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Pushes one new lead per request until stopped; keeps the ids the server acknowledged. */
const ackedWriter = (client: Client, ownerId: string) => {
  const acked: string[] = [];
  const failures: string[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const lead = leadDoc(newId(), ownerId, { lastName: `Writer ${acked.length}` });
      // The same row again until the server answers; a conflict means an earlier try landed.
      for (;;) {
        try {
          const res = await client.post('/api/sync/leads/push', [{ newDocumentState: lead }]);
          if (res.status === 200) {
            const body = (await res.json()) as PushResponse;
            if (body.rejected.length > 0) throw new Error(`refused: ${JSON.stringify(body)}`);
            acked.push(lead.id);
            break;
          }
          failures.push(String(res.status));
        } catch (error) {
          if (error instanceof Error && error.message.startsWith('refused')) throw error;
          failures.push('network');
        }
        await sleep(100);
      }
      await sleep(30);
    }
  })();
  return {
    acked,
    failures,
    stop: async () => {
      running = false;
      await done;
    },
  };
};

/** Streams through the balancer until one is held by each process; keyed by process name. */
const streamOnEveryProcess = async (url: string, token: string, processes: number) => {
  const held = new Map<string, StreamReader>();
  for (let tries = 0; tries < processes * 6 && held.size < processes; tries++) {
    const stream = await openStream(url, token);
    const name = stream.headers.get('x-fairlead-process') ?? '';
    if (stream.status === 200 && name !== '' && !held.has(name)) held.set(name, stream);
    else stream.close();
  }
  return held;
};

const within = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: nothing after ${ms} ms`)), ms).unref(),
    ),
  ]);

describe.skipIf(skip)('three server processes behind HAProxy over one PostgreSQL', () => {
  let place: Place;
  let office: Office;
  const servers: ServerProcess[] = [];
  let balancer: Balancer | undefined;
  const devices: Device[] = [];

  beforeAll(async () => {
    place = await freshPlace('postgres');
    const seeder = await createServer({
      dataDir: place.dataDir,
      databaseUrl: place.databaseUrl,
      poolMax: 2,
    });
    office = await seedOffice(seeder);
    await seeder.close();
    const ports = await Promise.all([freePort(), freePort(), freePort()]);
    servers.push(...(await Promise.all(ports.map((p) => startServerProcess(place, p)))));
    balancer = await startBalancer(ports);
  });
  afterAll(async () => {
    await Promise.all(devices.map((d) => d.stop()));
    await balancer?.stop();
    await Promise.all(servers.map((s) => s.stop()));
    await place?.drop();
  });

  it('keeps every acknowledged write and converges every device through a crash', async () => {
    const url = balancer?.url ?? '';
    // Anna on two laptops and her manager: all three see the same leads.
    devices.push(
      ...(await Promise.all([
        startDevice('anna-laptop', url, office.a.email, { installationId: newId() }),
        startDevice('anna-tablet', url, office.a.email, { installationId: newId() }),
        startDevice('marco-laptop', url, office.m.email, { installationId: newId() }),
      ])),
    );
    const writer = ackedWriter(await signIn({ url }, office.a.email, 'writer'), office.a.id);
    const inserted: string[] = [];
    const insertSome = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const device = devices[i % 2] as Device;
        const lead = newLead(office.a.id, { lastName: `Device ${inserted.length}` });
        await device.insert('leads', lead as unknown as Record<string, unknown>);
        inserted.push(lead.id);
        await sleep(60);
      }
    };

    await insertSome(6);
    const victim = servers[1] as ServerProcess;
    await victim.kill();
    await insertSome(6);
    await sleep(1500);
    servers[1] = await startServerProcess(place, victim.port);
    await insertSome(6);
    await sleep(2500); // the balancer's checks bring the process back (rise 2, 1 s apart)
    await writer.stop();

    const dumps = await converge(devices);
    const ids = (dump: Record<string, Record<string, unknown>[]>) =>
      new Set((dump.leads ?? []).map((d) => String(d.id)));
    const expected = [...inserted, ...writer.acked];
    expect(writer.acked.length).toBeGreaterThan(5);
    for (const dump of dumps) {
      const held = ids(dump);
      expect(expected.filter((id) => !held.has(id))).toEqual([]);
    }
    expect(new Set(dumps.map((d) => JSON.stringify([...ids(d)].sort()))).size).toBe(1);

    // Everything acknowledged is in the database itself.
    const db = new pg.Client({ connectionString: place.databaseUrl });
    await db.connect();
    try {
      const res = await db.query(
        "SELECT id FROM docs WHERE collection = 'leads' AND id = ANY($1::text[])",
        [expected],
      );
      expect(res.rowCount).toBe(expected.length);
    } finally {
      await db.end();
    }
  }, 240_000);

  it('streams a change to devices connected to any process, the restarted one too', async () => {
    const url = balancer?.url ?? '';
    const marco = await signIn({ url }, office.m.email, 'stream watcher');
    const streams = await streamOnEveryProcess(url, marco.login.token, servers.length);
    try {
      expect([...streams.keys()].sort()).toEqual(['app1', 'app2', 'app3']);
      // Pushed straight to one process: the others hear of it through PostgreSQL.
      const anna = await signIn({ url: servers[0]?.url }, office.a.email, 'direct');
      const lead = leadDoc(newId(), office.a.id, { lastName: 'Live' });
      const res = await anna.post('/api/sync/leads/push', [{ newDocumentState: lead }]);
      expect(res.status).toBe(200);
      for (const [name, stream] of streams) {
        const event = await within(stream.next(), 10_000, `stream on ${name}`);
        expect(event.collection).toBe('leads');
      }
      // And a device picks it up from its own stream, with no pull asked of it.
      const seen = await within(
        (async () => {
          for (;;) {
            if (await devices[2]?.get('leads', lead.id)) return true;
            await sleep(100);
          }
        })(),
        15_000,
        'the manager’s device',
      );
      expect(seen).toBe(true);
    } finally {
      for (const stream of streams.values()) stream.close();
    }
  }, 60_000);
});
