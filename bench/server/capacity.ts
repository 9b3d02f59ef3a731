// One server process's capacity: open-loop delta syncs stepped up until the server no longer
// keeps pace (saturation), then latencies at 50 % and 70 % of that rate; beside it the
// database limit, the same storage queries issued straight from Node against the same
// database with no HTTP in between.
import { generateLeads } from '../../shared/dataset';
import type { Checkpoint, SyncCollection } from '../../shared/sync/protocol';
import { syncCollections } from '../../shared/sync/protocol';
import { openStorage } from '../../server/src/storage';
import type { Storage } from '../../server/src/storage/types';
import { tokenHash } from '../../server/src/auth/tokens';
import { pullScope } from '../../server/src/visibility';
import { round, summarize } from '../lib/stats';
import type { OpenLoopResult, SignedInDevice } from './open-loop';
import { runOpenLoop } from './open-loop';
import type { Backend } from './process';

/** `serverCpuMs`: CPU time the server process used during the step. */
export type Step = { offered: number; result: OpenLoopResult; serverCpuMs: number };

/** The head checkpoint of every collection, so the devices' syncs are deltas. */
export const headCheckpoints = async (
  backend: Backend,
): Promise<Map<SyncCollection, Checkpoint>> => {
  const storage = await open(backend);
  try {
    const epoch = (await storage.serverEpoch()).id;
    const head = new Map<SyncCollection, Checkpoint>();
    for (const c of syncCollections) head.set(c, { seq: await storage.lastSeq(c), epoch });
    return head;
  } finally {
    await storage.close();
  }
};

const open = (backend: Backend): Promise<Storage> =>
  openStorage({
    dataDir: backend.dataDir,
    databaseUrl: backend.kind === 'postgres' ? backend.databaseUrl : undefined,
  });

/**
 * Keeps pace: no errors, p99 under 5 s, and no backlog: once arrivals stop, the syncs in
 * flight end within about the time of a few syncs (a server behind builds a queue that
 * takes ever longer to drain), and the syncs answered per second over the whole step are at
 * least 90 % of those offered. The drain alone let a step through whose every sync had
 * slowed to seconds: three of them was still a long drain allowed.
 */
const keptPace = (r: OpenLoopResult): boolean =>
  r.errors.length === 0 &&
  r.drainS * 1000 <= Math.max(500, 3 * r.syncP50Ms) &&
  r.sessionsPerS >= 0.9 * r.offeredPerS &&
  summarize(r.samples.map((s) => s.ms)).p99 < 5000;

/** One open-loop step at `rate`, with the server's CPU time over it. */
const step = async (
  url: string,
  devices: SignedInDevice[],
  rate: number,
  options: { seconds: number; cpuMs: () => number },
): Promise<Step> => {
  const cpuBefore = options.cpuMs();
  const loadCpu = process.cpuUsage();
  const result = await runOpenLoop(url, devices, rate, options.seconds);
  const done = { offered: rate, result, serverCpuMs: options.cpuMs() - cpuBefore };
  const perRequest = (ms: number) => round(ms / Math.max(1, result.samples.length), 3);
  const load = process.cpuUsage(loadCpu);
  // The load's own CPU beside the server's: both share the machine.
  console.log(
    `  open loop ${round(rate, 1)} syncs/s: ${round(result.requestsPerS, 1)} req/s, p99 ${summarize(result.samples.map((s) => s.ms)).p99} ms, drained in ${round(result.drainS, 2)} s, ${result.errors.length} errors, CPU per request ${perRequest(done.serverCpuMs)} ms server, ${perRequest((load.user + load.system) / 1000)} ms load${keptPace(result) ? '' : ', behind'}`,
  );
  return done;
};

/**
 * Rates ×1.5 from `start` until the server falls behind, then `refine` steps bisecting
 * (geometrically) between the last rate it kept pace with and the first it did not: the
 * saturation lies in between, and ×1.5 alone would report up to a third below it. The
 * best step is the fastest one that kept pace; a step behind never counts.
 */
export const findSaturation = async (
  url: string,
  devices: SignedInDevice[],
  options: {
    start: number;
    seconds: number;
    maxSteps: number;
    refine: number;
    cpuMs: () => number;
  },
): Promise<{ steps: Step[]; best: Step; behindAt: number | null }> => {
  const steps: Step[] = [];
  let kept: Step | null = null;
  let behind: Step | null = null;
  for (let rate = options.start, i = 0; i < options.maxSteps; i++, rate *= 1.5) {
    const s = await step(url, devices, rate, options);
    steps.push(s);
    if (!keptPace(s.result)) {
      behind = s;
      break;
    }
    kept = s;
  }
  for (let i = 0; kept && behind && i < options.refine; i++) {
    const s = await step(url, devices, Math.sqrt(kept.offered * behind.offered), options);
    steps.push(s);
    if (keptPace(s.result)) kept = s;
    else behind = s;
  }
  const paced = steps.filter((s) => keptPace(s.result));
  const best = (paced.length > 0 ? paced : steps).reduce((a, b) =>
    b.result.requestsPerS > a.result.requestsPerS ? b : a,
  );
  // The slowest offered rate the server fell behind at: the saturation lies below it.
  const behindAt = steps
    .filter((s) => !keptPace(s.result))
    .reduce<number | null>((low, s) => (low === null ? s.offered : Math.min(low, s.offered)), null);
  return { steps, best, behindAt };
};

/**
 * The same queries as a delta sync's requests (the session check of each request, the
 * pulls with their removals and last-seq check, the push's reads and its write transaction), closed-loop from `concurrency` callers
 * for `seconds`; requests per second counted as the server counts them.
 */
export const databaseLimit = async (
  backend: Backend,
  devices: SignedInDevice[],
  options: { seconds: number; concurrency: number },
): Promise<{ requestsPerS: number; docsPerS: number; cpuMsPerRequest: number }> => {
  const storage = await open(backend);
  let requests = 0;
  let docs = 0;
  let pushed = 0;
  const authenticate = async (device: SignedInDevice) => {
    const user = (await storage.findSessionUser(tokenHash(device.token)))?.user;
    if (!user) throw new Error('a bench session is missing');
    return { userId: user.id, role: user.role, teamId: user.teamId };
  };
  const session = async (device: SignedInDevice): Promise<void> => {
    for (const collection of syncCollections) {
      const actor = await authenticate(device);
      const epoch = await storage.serverEpoch();
      const after = device.checkpoints.get(collection)?.seq ?? 0;
      const scope = pullScope(actor, collection);
      // The server's pull reads the page, the removals beside it, and, when nothing came
      // after a checkpoint, the collection's last seq (a database put back without a new epoch).
      const page = await storage.pull(collection, scope, after, 200);
      const removals = await storage.pullRemovals(collection, scope, after, 200);
      if (page.length === 0 && removals.length === 0 && after > 0)
        await storage.lastSeq(collection);
      const last = Math.max(page.at(-1)?.seq ?? 0, removals.at(-1)?.seq ?? 0);
      if (last > 0) device.checkpoints.set(collection, { seq: last, epoch: epoch.id });
      docs += page.length;
      requests += 1;
    }
    // The pushed leads are the pushing user's own: the server takes their team from the
    // session's read, as here.
    const actor = await authenticate(device);
    await storage.seriesOfUser(actor.userId);
    pushed += 1;
    const leads = [
      ...generateLeads(9_000_000 + pushed * 10, 3, [actor.userId], {
        now: new Date().toISOString(),
        daysBack: 0,
      }),
    ];
    await storage.writeDocs(
      'leads',
      leads.map((l) => l.id),
      () =>
        leads.map((l) => ({
          write: {
            id: l.id,
            ownerId: l.ownerId,
            teamId: actor.teamId,
            doc: { ...l, _deleted: false },
          },
          result: null,
        })),
    );
    docs += leads.length;
    requests += 1;
  };
  const start = performance.now();
  const cpuBefore = process.cpuUsage();
  const until = start + options.seconds * 1000;
  try {
    await Promise.all(
      Array.from({ length: options.concurrency }, async (_, worker) => {
        for (let i = worker; performance.now() < until; i += options.concurrency)
          await session(devices[i % devices.length] as SignedInDevice);
      }),
    );
  } finally {
    await storage.close();
  }
  const wallS = (performance.now() - start) / 1000;
  // This process's CPU, every thread (the SQLite reader worker too), not PostgreSQL's.
  const cpu = process.cpuUsage(cpuBefore);
  return {
    requestsPerS: requests / wallS,
    docsPerS: docs / wallS,
    cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / Math.max(1, requests),
  };
};
