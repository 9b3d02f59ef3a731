// Open-loop load: devices that already hold a token and their checkpoints arrive at a fixed
// rate, whatever the server's pace, each doing a delta sync (pull every collection from its
// checkpoint, push a few new leads). Unlike a closed loop, a slow server does not slow the
// arrivals, so queueing shows in the latencies as it would at 8 a.m. before a fair.
import { generateLeads } from '../../shared/dataset';
import type {
  Checkpoint,
  LoginResponse,
  PullResponse,
  PushResponse,
  SyncCollection,
} from '../../shared/sync/protocol';
import { syncCollections } from '../../shared/sync/protocol';
import type { JsonAnswer } from './http-client';
import { requestJson } from './http-client';

export type SignedInDevice = {
  token: string;
  userId: string;
  checkpoints: Map<SyncCollection, Checkpoint>;
};

export type Sample = { kind: 'pull' | 'push' | 'login'; ms: number; ok: boolean; at: number };

export type OpenLoopResult = {
  offeredPerS: number;
  /** Delta syncs that finished within the window, per second. */
  sessionsPerS: number;
  requestsPerS: number;
  docsPerS: number;
  /** How long the last syncs ran on after the arrivals ended: a backlog shows here. */
  drainS: number;
  /** The median duration of one whole delta sync. */
  syncP50Ms: number;
  samples: Sample[];
  errors: string[];
};

const TIMEOUT_MS = 15_000;
const PUSH_PER_SESSION = 3;

/** Signs in `count` devices one after another (not a storm), at the head of every collection. */
export const signInDevices = async (
  url: string,
  sellers: string[],
  password: string,
  count: number,
  head: Map<SyncCollection, Checkpoint>,
): Promise<SignedInDevice[]> => {
  const out: SignedInDevice[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: sellers[i % sellers.length],
        password,
        deviceName: `open-loop device ${i}`,
      }),
    });
    if (!res.ok) throw new Error(`sign-in of bench device ${i} failed: ${res.status}`);
    const login = (await res.json()) as LoginResponse;
    out.push({ token: login.token, userId: login.user.id, checkpoints: new Map(head) });
  }
  return out;
};

let pushed = 0;

/** One delta sync of one device; records every request, returns the documents moved. */
export const deltaSync = async (
  url: string,
  device: SignedInDevice,
  record: (s: Sample, error?: string) => void,
): Promise<number> => {
  const auth = { authorization: `Bearer ${device.token}` };
  let docs = 0;
  const timed = async (kind: Sample['kind'], call: () => Promise<JsonAnswer>) => {
    const start = performance.now();
    try {
      const res = await call();
      record(
        { kind, ms: performance.now() - start, ok: res.ok, at: start },
        res.ok ? undefined : `${kind} ${res.status}`,
      );
      return res.ok ? res.body : null;
    } catch (error) {
      const name = error instanceof Error ? error.name : 'error';
      record({ kind, ms: performance.now() - start, ok: false, at: start }, `${kind} ${name}`);
      return null;
    }
  };
  for (const collection of syncCollections) {
    const q = new URLSearchParams({ limit: '200' });
    const cp = device.checkpoints.get(collection);
    if (cp) q.set('checkpoint', JSON.stringify(cp));
    const page = (await timed('pull', () =>
      requestJson(`${url}/api/sync/${collection}/pull?${q.toString()}`, {
        method: 'GET',
        headers: auth,
        timeoutMs: TIMEOUT_MS,
      }),
    )) as PullResponse | null;
    if (page?.checkpoint) device.checkpoints.set(collection, page.checkpoint);
    docs += page?.documents.length ?? 0;
  }
  pushed += 1;
  const leads = [
    ...generateLeads(7_000_000 + pushed * 10, PUSH_PER_SESSION, [device.userId], {
      now: new Date().toISOString(),
      daysBack: 0,
    }),
  ];
  const result = (await timed('push', () =>
    requestJson(`${url}/api/sync/leads/push`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(leads.map((l) => ({ newDocumentState: { ...l, _deleted: false } }))),
      timeoutMs: TIMEOUT_MS,
    }),
  )) as PushResponse | null;
  if (result) docs += leads.length - result.rejected.length - result.conflicts.length;
  return docs;
};

/**
 * Starts `perSecond` delta syncs a second for `seconds`, each on the next device in turn,
 * without waiting for earlier ones; then waits for the stragglers.
 */
export const runOpenLoop = async (
  url: string,
  devices: SignedInDevice[],
  perSecond: number,
  seconds: number,
): Promise<OpenLoopResult> => {
  const samples: Sample[] = [];
  const errors: string[] = [];
  let docs = 0;
  let sessions = 0;
  const record = (s: Sample, error?: string) => {
    samples.push(s);
    if (error) errors.push(error);
  };
  const start = performance.now();
  const total = Math.max(1, Math.round(perSecond * seconds));
  const running: Promise<void>[] = [];
  const durations: number[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const device = devices[i % devices.length] as SignedInDevice;
    const begun = performance.now();
    running.push(
      deltaSync(url, device, record).then((moved) => {
        docs += moved;
        sessions += 1;
        durations.push(performance.now() - begun);
      }),
    );
  }
  const arrivalsEnded = performance.now();
  await Promise.all(running);
  const wallS = (performance.now() - start) / 1000;
  durations.sort((a, b) => a - b);
  return {
    offeredPerS: perSecond,
    sessionsPerS: sessions / wallS,
    requestsPerS: samples.length / wallS,
    docsPerS: docs / wallS,
    drainS: (performance.now() - arrivalsEnded) / 1000,
    syncP50Ms: durations[Math.floor(durations.length / 2)] ?? 0,
    samples,
    errors,
  };
};
