// One simulated device in its own JavaScript realm (RxDB allows 13 collections per realm):
// its own fake IndexedDB, its own store and its own sync engine, driven by messages.
import 'fake-indexeddb/auto';
import { parentPort } from 'node:worker_threads';
import type { RxCollection } from 'rxdb';
import type { SyncCollection } from '../../shared/sync/protocol';
import { syncCollections } from '../../shared/sync/protocol';
import { openTestDatabase } from '../../renderer/data/test-support';
import type { FairleadDatabase } from '../../renderer/data/database';
import { createSyncClient } from '../../renderer/data/sync/client';
import { manualConnectivity } from '../../renderer/data/sync/connectivity';
import type { SyncEngine } from '../../renderer/data/sync/replication';
import type { FairleadCommands } from '../../renderer/data/commands';
import { createCommands } from '../../renderer/data/commands';
import type { Result } from '../../shared/domain/errors';
import { startReplication } from '../../renderer/data/sync/replication';
import { nextNumber } from '../../shared/domain/numbering';
import {
  readNumbering,
  reconcileWithStore,
  saveNumbering,
  setupNumbering,
} from '../../renderer/data/numbering-store';
import type { DeviceReply, DeviceRequest } from './device-protocol';

type Doc = Record<string, unknown>;

if (parentPort === null) throw new Error('device-worker runs as a worker thread');
const port = parentPort;

let db: FairleadDatabase | undefined;
let engine: SyncEngine | undefined;
let token: string | null = null;
let userId = '';
let serverUrl = '';
let pullBatchSize: number | undefined;
let commands: FairleadCommands | undefined;

const unwrap = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message.en}`);
  return result.value;
};

/** Lead to invoice with the device's own commands; answers the three numbers. */
const sale = async (topic: string): Promise<{ quote: string; order: string; invoice: string }> => {
  if (commands === undefined) throw new Error('device not started');
  const c = commands;
  const lead = unwrap(
    await c.lead.create({
      firstName: 'Nicolò',
      lastName: 'Bianchi',
      company: `Officine ${topic}`,
      email: 'nicolo@officinebianchi.it',
      topic,
      source: 'trade_fair',
      sourceDetail: 'MECSPE 2026',
      rating: 'hot',
    }),
  );
  const qualified = unwrap(await c.lead.qualify({ id: lead.id }));
  const oppId = qualified.opportunityId as string;
  unwrap(
    await c.opportunity.addLine({
      id: oppId,
      line: {
        kind: 'write_in',
        name: 'Montaggio',
        unitPrice: 40_000,
        quantity: 1,
        discount: 0,
        vatRate: 2200,
      },
    }),
  );
  unwrap(await c.opportunity.update({ id: oppId, patch: { estimatedCloseDate: '2026-12-20' } }));
  unwrap(await c.opportunity.moveStage({ id: oppId, stage: 'develop' }));
  unwrap(await c.opportunity.moveStage({ id: oppId, stage: 'propose' }));
  const quote = unwrap(await c.quote.create({ opportunityId: oppId }));
  unwrap(await c.quote.activate({ id: quote.id }));
  const order = unwrap(await c.quote.createOrder({ id: quote.id }));
  unwrap(
    await c.order.fulfil({ id: order.id, fulfilledDate: new Date().toISOString().slice(0, 10) }),
  );
  const invoice = unwrap(await c.order.createInvoice({ id: order.id }));
  return { quote: quote.number, order: order.number, invoice: invoice.number };
};
let sawRestoreResync = false;
const connectivity = manualConnectivity(true);

// The network as this device sees it: offline, every request fails like a cut cable.
const deviceFetch = (input: string, init?: RequestInit): Promise<Response> =>
  connectivity.isOnline()
    ? fetch(input, init)
    : Promise.reject(new TypeError('fetch failed: device offline'));

const col = (name: SyncCollection): RxCollection<Doc> => {
  if (db === undefined) throw new Error('device not started');
  return db.collections[name] as unknown as RxCollection<Doc>;
};

const startEngine = async (): Promise<void> => {
  if (db === undefined) throw new Error('device not started');
  engine = await startReplication(db, {
    ...(pullBatchSize === undefined ? {} : { pullBatchSize }),
    serverUrl,
    getToken: () => token,
    actorId: userId,
    connectivity,
    fetch: deviceFetch,
    retryTime: 200,
    minBackoffMs: 100,
    maxBackoffMs: 1_000,
    healthIntervalMs: 2_000,
    onStatus: (status) => {
      if (status.restoreResync) sawRestoreResync = true;
    },
  });
};

const dump = async (): Promise<Record<string, Doc[]>> => {
  const out: Record<string, Doc[]> = {};
  for (const name of syncCollections) {
    const docs = await col(name).find().exec();
    out[name] = docs
      .map((d) => d.toMutableJSON() as Doc)
      .sort((a, b) => String(a.id).localeCompare(String(b.id)));
  }
  return out;
};

const handle = async (req: DeviceRequest): Promise<unknown> => {
  switch (req.op) {
    case 'start': {
      serverUrl = req.serverUrl;
      pullBatchSize = req.pullBatchSize;
      const client = createSyncClient({ serverUrl, getToken: () => null });
      const login = await client.login({
        email: req.email,
        password: req.password,
        deviceName: req.deviceName ?? req.name,
        ...(req.installationId === undefined ? {} : { installationId: req.installationId }),
      });
      token = login.token;
      userId = login.user.id;
      db = await openTestDatabase(`device-${req.name}`);
      await setupNumbering(db, login.device.series, login.device.lastNumbers);
      const actor = { userId: login.user.id, role: login.user.role, teamId: login.user.teamId };
      commands = createCommands(db, actor);
      await startEngine();
      return { userId, series: login.device.series };
    }
    case 'sale':
      return sale(req.topic);
    case 'command': {
      const group = (commands as unknown as Record<string, Record<string, unknown>> | undefined)?.[
        req.group
      ];
      const run = group?.[req.name];
      if (typeof run !== 'function') throw new Error(`no command ${req.group}.${req.name}`);
      return unwrap(await (run as (input: unknown) => Promise<Result<unknown>>)(req.input));
    }
    case 'insert':
      await col(req.collection).insert(req.doc);
      return null;
    case 'patch': {
      const doc = await col(req.collection).findOne(req.id).exec();
      if (doc === null) throw new Error(`no ${req.collection}/${req.id}`);
      await doc.incrementalPatch(req.patch);
      return null;
    }
    case 'remove': {
      const doc = await col(req.collection).findOne(req.id).exec();
      if (doc === null) throw new Error(`no ${req.collection}/${req.id}`);
      await doc.remove();
      return null;
    }
    case 'get': {
      const doc = await col(req.collection).findOne(req.id).exec();
      return doc === null ? null : doc.toMutableJSON();
    }
    case 'offline':
      connectivity.set(false);
      return null;
    case 'online':
      connectivity.set(true);
      return null;
    case 'idle': {
      if (engine === undefined) throw new Error('device not started');
      engine.reSync();
      await engine.awaitInSync();
      return null;
    }
    case 'status':
      return engine?.status() ?? null;
    case 'sawRestoreResync':
      return sawRestoreResync;
    case 'invoice': {
      // As the app's commands do: raise the state to the store's numbers, take the next one.
      if (db === undefined) throw new Error('device not started');
      const now = String(req.doc.createdAt);
      const saved = await readNumbering(db);
      if (saved === null) throw new Error('no numbering state');
      const { number, state } = nextNumber(
        await reconcileWithStore(db, saved, now),
        'invoice',
        now,
      );
      await col('invoices').insert({ ...req.doc, number });
      await saveNumbering(db, state);
      return number;
    }
    case 'dump':
      return dump();
    case 'retry':
      await engine?.retryRejected(req.collection, req.id, req.fixed);
      return null;
    case 'discard':
      await engine?.discardRejected(req.collection, req.id);
      return null;
    case 'stop':
      await engine?.stop();
      await db?.close();
      return null;
  }
};

port.on('message', (req: DeviceRequest & { seq: number }) => {
  handle(req).then(
    (value) => port.postMessage({ seq: req.seq, ok: true, value } satisfies DeviceReply),
    (error: unknown) =>
      port.postMessage({
        seq: req.seq,
        ok: false,
        error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error),
      } satisfies DeviceReply),
  );
});
