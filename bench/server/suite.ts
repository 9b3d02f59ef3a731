// Server figures (DESIGN.md §7): many simulated devices signing in, pulling and pushing at
// once against the server in its own process (the stress figure), then the open-loop
// capacity of that process (capacity-suite.ts), on SQLite and on PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Recorder } from '../lib/figures';
import { repoRoot } from '../lib/figures';
import { round, summarize } from '../lib/stats';
import { runCapacity } from './capacity-suite';
import { runDeviceLoad } from './load';
import type { Backend } from './process';
import { prepareOffice, startServerProcess } from './process';

type PgClient = {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
};
const pg = createRequire(join(repoRoot, 'server/package.json'))('pg') as {
  Client: new (o: { connectionString: string }) => PgClient;
};

const adminQuery = async (url: string, sql: string): Promise<void> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

export type ServerSuiteOptions = {
  records: number;
  devices: number;
  rounds: number;
  pgUrl: string | undefined;
  /** Short open-loop steps and few devices: a smoke test. */
  quick: boolean;
};

const runOne = async (
  recorder: Recorder,
  backend: Backend,
  options: ServerSuiteOptions,
): Promise<number> => {
  const office = await prepareOffice(backend, options.records);
  const server = await startServerProcess(backend);
  const idleRss = server.rssMiB();
  let peakRss = idleRss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, server.rssMiB())), 250);
  try {
    const load = await runDeviceLoad({
      url: server.url,
      sellers: office.sellers,
      password: office.password,
      devices: options.devices,
      rounds: options.rounds,
      pushPerRound: 3,
      requestTimeoutMs: 300_000,
    });
    clearInterval(timer);
    peakRss = Math.max(peakRss, server.rssMiB());
    const db = backend.kind;
    const size = options.records;
    const all = summarize(load.samples.map((s) => s.ms));
    const per = (kind: string) =>
      summarize(load.samples.filter((s) => s.kind === kind).map((s) => s.ms));
    const devices = options.devices;
    const shape = `${devices} devices at once, each: sign in, then ${options.rounds}× (pull leads, pull accounts, push 3 new leads)`;
    recorder.record({
      name: `server.${db}.requests_per_s`,
      what: `${shape}; requests per second over the whole run, server on ${db} in its own process`,
      value: round((load.samples.length / load.wallMs) * 1000, 1),
      unit: 'req/s',
      size,
      extra: { devices, requests: load.samples.length, wallMs: round(load.wallMs, 0) },
    });
    const sync = summarize(load.samples.filter((s) => s.kind !== 'login').map((s) => s.ms));
    const login = per('login');
    recorder.record({
      name: `server.${db}.latency`,
      what: `${shape}; latency of the pulls and pushes (p99 as the value), server on ${db}`,
      value: sync.p99,
      unit: 'ms',
      size,
      ...sync,
      extra: {
        devices,
        pullP50: per('pull').p50,
        pullP99: per('pull').p99,
        pushP50: per('push').p50,
        pushP99: per('push').p99,
        allRequestsP99: all.p99,
      },
    });
    recorder.record({
      name: `server.${db}.login_latency`,
      what: `${shape}; latency of the sign-ins (scrypt password check), all devices signing in at once, server on ${db}`,
      value: login.p99,
      unit: 'ms',
      size,
      ...login,
      extra: { devices },
    });
    const kinds = new Map<string, number>();
    for (const e of load.errors) kinds.set(e, (kinds.get(e) ?? 0) + 1);
    recorder.record({
      name: `server.${db}.errors`,
      what: `${shape}; failed requests (non-2xx, timeout, network) and refused push rows, server on ${db}`,
      value: load.errors.length,
      unit: 'errors',
      size,
      extra: { devices, ...Object.fromEntries([...kinds].slice(0, 5)) },
    });
    recorder.record({
      name: `server.${db}.peak_rss`,
      what: `${shape}; peak resident memory of the server process (VmRSS sampled every 250 ms), on ${db}`,
      value: round(peakRss, 1),
      unit: 'MiB',
      size,
      extra: { devices, idleRssMiB: round(idleRss, 1) },
    });
    const capacity = await runCapacity(recorder, backend, server, office, {
      size,
      quick: options.quick,
      storm: options.devices,
    });
    return capacity.saturationRequestsPerS;
  } finally {
    clearInterval(timer);
    await server.stop();
  }
};

export const runServerSuite = async (
  recorder: Recorder,
  options: ServerSuiteOptions,
): Promise<void> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fairlead-bench-server-'));
  let sqlite = 0;
  try {
    sqlite = await runOne(recorder, { kind: 'sqlite', dataDir }, options);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (!options.pgUrl) {
    console.warn('FAIRLEAD_TEST_PG_URL is not set: the PostgreSQL server figures are skipped.');
    return;
  }
  const name = `fairlead_bench_${Date.now()}`;
  const url = new URL(options.pgUrl);
  url.pathname = `/${name}`;
  const pgDir = mkdtempSync(join(tmpdir(), 'fairlead-bench-pg-'));
  await adminQuery(options.pgUrl, `create database ${name}`);
  try {
    const postgres = await runOne(
      recorder,
      { kind: 'postgres', dataDir: pgDir, databaseUrl: url.toString() },
      options,
    );
    recorder.record({
      name: 'server.postgres_over_sqlite',
      what: 'saturation throughput of one server process on PostgreSQL ÷ on SQLite (open loop)',
      value: round(postgres / Math.max(0.001, sqlite), 2),
      unit: '×',
      size: options.records,
      reference: { name: 'SQLite saturation', value: round(sqlite, 1), unit: 'req/s' },
    });
  } finally {
    await adminQuery(options.pgUrl, `drop database if exists ${name} with (force)`);
    rmSync(pgDir, { recursive: true, force: true });
  }
};
