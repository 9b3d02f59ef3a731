// Test harness: a real sync server on SQLite in a temp folder, and devices in worker threads.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SyncCollection } from '../../shared/sync/protocol';
import type { SyncStatus } from '../../renderer/data/sync/status';
import { createServer } from '../../server/src/app';
import type { FairleadServer } from '../../server/src/app';
import { addUser } from '../../server/src/office';
import type { DeviceReply, DeviceRequest } from './device-protocol';
import { signIn, tokenGetter } from '../../renderer/data/sync/session';
import { memoryPlatform } from './memory-platform';

type Doc = Record<string, unknown>;
type Dist<T> = T extends unknown ? Omit<T, 'seq'> : never;

export const PASSWORD = 'correct horse battery';

/** The office's store: a temp SQLite folder, or also a PostgreSQL database when given. */
export type OfficeStore = { dataDir: string; databaseUrl?: string };

export const startOffice = async (databaseUrl?: string) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fairlead-sync-'));
  const store: OfficeStore = databaseUrl ? { dataDir, databaseUrl } : { dataDir };
  const open = () => createServer({ ...store, heartbeatMs: 1_000 });
  let server: FairleadServer = await open();
  const url = await server.listen(0);
  const port = Number(new URL(url).port);
  return {
    url,
    get server() {
      return server;
    },
    addSeller: (email: string, team = 'North') =>
      addUser(server.storage, { email, password: PASSWORD, role: 'seller', team }),
    addManager: (email: string, team = 'North') =>
      addUser(server.storage, { email, password: PASSWORD, role: 'manager', team }),
    /** Stops the server and starts it again on the same data and port. */
    async restart(): Promise<void> {
      await server.close();
      server = await open();
      await server.listen(port);
    },
    /**
     * Stops the server, lets `fill` put other data in place (a restore: the SQLite folder is
     * emptied first; a PostgreSQL database is left for `fill` to replace), starts it again.
     */
    async replaceData(fill: (store: OfficeStore) => Promise<void>): Promise<void> {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
      await fill(store);
      server = await open();
      await server.listen(port);
    },
    store,
    async close(): Promise<void> {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** Signs `email` in on a device in the test's own realm: its session and token source. */
export const signInHere = async (serverUrl: string, email: string, deviceName: string) => {
  const platform = memoryPlatform();
  const signed = await signIn(platform, { serverUrl, email, password: PASSWORD, deviceName });
  if (!signed.ok) throw new Error(signed.error.message.en);
  return { session: signed.value, getToken: tokenGetter(platform) };
};

export type Device = Awaited<ReturnType<typeof startDevice>>;

export const startDevice = async (
  name: string,
  serverUrl: string,
  email: string,
  identity: { deviceName?: string; installationId?: string; pullBatchSize?: number } = {},
) => {
  // Node 20 cannot load .ts in a worker by itself: register tsx's loader inside it first.
  const script = new URL('./device-worker.ts', import.meta.url).href;
  const worker = new Worker(
    `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); })`,
    { eval: true },
  );
  let seq = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  worker.on('message', (reply: DeviceReply) => {
    const w = waiting.get(reply.seq);
    waiting.delete(reply.seq);
    if (reply.ok) w?.resolve(reply.value);
    else w?.reject(new Error(`${name}: ${reply.error}`));
  });
  worker.on('error', (error) => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  });
  const call = <T = unknown>(req: Dist<DeviceRequest>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      seq += 1;
      waiting.set(seq, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...req, seq });
    });
  const { userId, series } = await call<{ userId: string; series: string }>({
    op: 'start',
    name,
    serverUrl,
    email,
    password: PASSWORD,
    ...identity,
  });
  return {
    name,
    userId,
    /** The numbering series the server gave this device. */
    series,
    /** One sale with the device's commands; the numbers of its quote, order and invoice. */
    sale: (topic: string) =>
      call<{ quote: string; order: string; invoice: string }>({ op: 'sale', topic }),
    /** Runs one of the device's commands; its value, or a failure with the rule's reason. */
    command: <T = unknown>(group: string, commandName: string, input: unknown) =>
      call<T>({ op: 'command', group, name: commandName, input }),
    insert: (collection: SyncCollection, doc: Doc) => call({ op: 'insert', collection, doc }),
    patch: (collection: SyncCollection, id: string, patch: Doc) =>
      call({ op: 'patch', collection, id, patch }),
    remove: (collection: SyncCollection, id: string) => call({ op: 'remove', collection, id }),
    get: (collection: SyncCollection, id: string) =>
      call<Doc | null>({ op: 'get', collection, id }),
    offline: () => call({ op: 'offline' }),
    online: () => call({ op: 'online' }),
    /** Waits until the device is in sync; fails (instead of hanging) after `ms`. */
    idle: (ms = 60_000) =>
      Promise.race([
        call({ op: 'idle' }),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error(`${name} not in sync after ${ms} ms`)), ms).unref(),
        ),
      ]),
    status: () => call<SyncStatus>({ op: 'status' }),
    /** Inserts `doc` as an invoice numbered by the device's own numbering; returns the number. */
    invoice: (doc: Doc) => call<string>({ op: 'invoice', doc }),
    /** Whether the status ever said the device is re-syncing after a server restore. */
    sawRestoreResync: () => call<boolean>({ op: 'sawRestoreResync' }),
    dump: () => call<Record<string, Doc[]>>({ op: 'dump' }),
    retry: (collection: SyncCollection, id: string, fixed?: Doc) =>
      call({ op: 'retry', collection, id, ...(fixed ? { fixed } : {}) }),
    discard: (collection: SyncCollection, id: string) => call({ op: 'discard', collection, id }),
    async stop(): Promise<void> {
      await call({ op: 'stop' }).catch(() => undefined);
      await worker.terminate();
    },
  };
};

// JSON with sorted keys: merged documents may list their fields in another order.
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

/** Waits until every device is in sync and all hold the same documents. */
export const converge = async (
  devices: readonly Device[],
  rounds = 20,
): Promise<Record<string, Doc[]>[]> => {
  let dumps: Record<string, Doc[]>[] = [];
  for (let i = 0; i < rounds; i++) {
    for (const d of devices) await d.idle();
    dumps = await Promise.all(devices.map((d) => d.dump()));
    const first = canonical(dumps[0]);
    if (dumps.every((x) => canonical(x) === first)) return dumps;
  }
  return dumps;
};

/** The first sync status of `engine` that reports an error. */
export const firstSyncError = (engine: {
  status$: { subscribe(next: (s: SyncStatus) => void): { unsubscribe(): void } };
}): Promise<SyncStatus> =>
  new Promise((resolve) => {
    const sub = engine.status$.subscribe((s) => {
      if (s.error !== null) {
        resolve(s);
        queueMicrotask(() => sub.unsubscribe());
      }
    });
  });
