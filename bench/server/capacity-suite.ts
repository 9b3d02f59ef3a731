// The capacity figures of one server process on one database (issue #17's targets): the
// open-loop saturation, latencies at 50 % and 70 % of it, the database limit of the same
// queries, and the sync latency of signed-in devices while many others sign in.
import type { Recorder } from '../lib/figures';
import { round, summarize } from '../lib/stats';
import { databaseLimit, findSaturation, headCheckpoints } from './capacity';
import { runDeviceLoad } from './load';
import type { SignedInDevice } from './open-loop';
import { runOpenLoop, signInDevices } from './open-loop';
import type { Backend } from './process';

export type CapacityOptions = {
  size: number;
  quick: boolean;
  /** Devices signing in at once during the storm (500 in a full run). */
  storm: number;
};

const fresh = (devices: SignedInDevice[], head: SignedInDevice['checkpoints']) =>
  devices.map((d) => ({ ...d, checkpoints: new Map(head) }));

/** Measures against the running server at `url`; `stop` ends it before the database limit. */
export const runCapacity = async (
  recorder: Recorder,
  backend: Backend,
  server: { url: string; cpuMs(): number; stop(): Promise<void> },
  office: { sellers: string[]; password: string },
  options: CapacityOptions,
): Promise<{ saturationRequestsPerS: number }> => {
  const db = backend.kind;
  const size = options.size;
  const seconds = options.quick ? 1.5 : 10;
  const head = await headCheckpoints(backend);
  const devices = await signInDevices(
    server.url,
    office.sellers,
    office.password,
    options.quick ? 10 : 100,
    head,
  );
  const shape = `open loop: devices holding a token arrive at a fixed rate, each pulling all ${head.size} collections from its checkpoint and pushing 3 leads (12 requests), ${seconds} s per step`;
  const { steps, best, behindAt } = await findSaturation(server.url, devices, {
    start: options.quick ? 4 : 5,
    seconds,
    // Ten steps (5 → 192 syncs/s) ended before a quiet machine fell behind: the figure was the
    // bench's last rate, not the server's limit. The search still stops at the first step behind.
    maxSteps: options.quick ? 3 : 14,
    // Three bisections narrow the ×1.5 bracket to about 5 %, for some 40 s more per backend.
    refine: options.quick ? 1 : 3,
    cpuMs: () => server.cpuMs(),
  });
  const saturation = best.result;
  const serverCpuMsPerRequest = best.serverCpuMs / Math.max(1, saturation.samples.length);
  recorder.record({
    name: `server.${db}.saturation_requests_per_s`,
    what: `${shape}; the most requests per second one server process on ${db} answered, rates ×1.5 until it fell behind, then bisected between the last step it kept pace with and the first it did not`,
    value: round(saturation.requestsPerS, 1),
    unit: 'req/s',
    size,
    extra: {
      docsPerS: round(saturation.docsPerS, 1),
      syncsPerS: round(saturation.sessionsPerS, 2),
      offeredSyncsPerS: round(best.offered, 2),
      ...(behindAt === null ? {} : { behindAtSyncsPerS: round(behindAt, 2) }),
      steps: steps.length,
      // Less swayed by other load on the machine than the rate: the server's CPU per answer.
      serverCpuMsPerRequest: round(serverCpuMsPerRequest, 3),
    },
  });
  recorder.record({
    name: `server.${db}.saturation_docs_per_s`,
    what: `${shape}; documents pulled and pushed per second at saturation, on ${db}`,
    value: round(saturation.docsPerS, 1),
    unit: 'docs/s',
    size,
  });

  for (const share of [50, 70]) {
    const rate = (saturation.sessionsPerS * share) / 100;
    const run = await runOpenLoop(server.url, devices, rate, seconds);
    const lat = summarize(run.samples.map((s) => s.ms));
    recorder.record({
      name: `server.${db}.p99_at_${share}pct`,
      what: `${shape}; latency of every request at ${share} % of the saturation rate (${round(rate, 2)} syncs/s), on ${db}`,
      value: lat.p99,
      unit: 'ms',
      size,
      ...lat,
      extra: { errors: run.errors.length, requestsPerS: round(run.requestsPerS, 1) },
    });
    if (share === 70) {
      recorder.record({
        name: `server.${db}.errors_at_70pct`,
        what: `${shape}; failed requests at 70 % of saturation, on ${db}`,
        value: run.errors.length,
        unit: 'errors',
        size,
      });
    }
  }

  // Signed-in devices keep syncing at half the saturation rate while a crowd signs in.
  const rate = Math.max(1, saturation.sessionsPerS / 2);
  const stormStart = performance.now();
  const background = runOpenLoop(
    server.url,
    devices,
    rate,
    Math.max(seconds, options.storm * 0.06),
  );
  const storm = await runDeviceLoad({
    url: server.url,
    sellers: office.sellers,
    password: office.password,
    devices: options.storm,
    rounds: 0,
    pushPerRound: 0,
    requestTimeoutMs: 300_000,
  });
  const stormEnd = performance.now();
  const sync = await background;
  const during = sync.samples.filter((s) => s.at >= stormStart && s.at <= stormEnd);
  const lat = summarize(during.map((s) => s.ms));
  const logins = summarize(storm.samples.map((s) => s.ms));
  recorder.record({
    name: `server.${db}.sync_p99_during_sign_ins`,
    what: `pulls and pushes of signed-in devices (open loop, ${round(rate, 2)} syncs/s) while ${options.storm} other devices sign in at once, on ${db}`,
    value: lat.p99,
    unit: 'ms',
    size,
    ...lat,
    extra: {
      requests: during.length,
      errors: sync.errors.length + storm.errors.length,
      signInP50: logins.p50,
      signInP99: logins.p99,
      signInsS: round((stormEnd - stormStart) / 1000, 1),
    },
  });

  await server.stop();
  const limit = await databaseLimit(backend, fresh(devices, head), {
    seconds,
    concurrency: 8,
  });
  recorder.record({
    name: `server.${db}.database_limit_requests_per_s`,
    what: `the same queries as the open loop's requests (session check, pulls with their removals and last-seq check, the push's reads and write) straight from Node on the same ${db} database, 8 callers, ${seconds} s`,
    value: round(limit.requestsPerS, 1),
    unit: 'req/s',
    size,
    extra: { docsPerS: round(limit.docsPerS, 1), cpuMsPerRequest: round(limit.cpuMsPerRequest, 3) },
  });
  recorder.record({
    name: `server.${db}.database_limit_gap`,
    what: `the database limit ÷ the server's saturation throughput on ${db} (1 = the server adds nothing)`,
    value: round(limit.requestsPerS / Math.max(0.001, saturation.requestsPerS), 2),
    unit: '×',
    size,
    reference: {
      name: 'database limit',
      value: round(limit.requestsPerS, 1),
      unit: 'req/s',
    },
    ratio: round(saturation.requestsPerS / Math.max(0.001, limit.requestsPerS), 3),
    extra: {
      // The same ratio from CPU time per request (the Node process's, not PostgreSQL's):
      // the database side's ÷ the server's; steadier than rates on a busy machine.
      cpuRatio: round(limit.cpuMsPerRequest / Math.max(0.001, serverCpuMsPerRequest), 3),
    },
  });
  return { saturationRequestsPerS: saturation.requestsPerS };
};
