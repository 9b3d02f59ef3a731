// Backup and restore figures: the office dataset (≈ 500k documents, shared/dataset) backed
// up and restored with the admin CLI in its own process, as an operator runs it, on SQLite
// and on PostgreSQL; time and peak resident memory (VmHWM) of each run.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Recorder } from '../lib/figures';
import { repoRoot } from '../lib/figures';
import { round } from '../lib/stats';
import type { Backend } from '../server/process';
import { prepareOffice } from '../server/process';

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

const peakOf = (pid: number): number => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
};

/** Runs `npm run admin -- …args` on the backend; its wall time and peak memory. */
const runAdmin = (backend: Backend, args: string[]): Promise<{ ms: number; peakMiB: number }> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/admin.ts', ...args], {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATA_DIR: backend.dataDir,
        DATABASE_URL: backend.kind === 'postgres' ? backend.databaseUrl : '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    let peak = 0;
    child.stdout.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-2000)));
    child.stderr.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-2000)));
    // VmHWM is the process's own high-water mark: sampling only has to catch it before exit.
    const timer = setInterval(() => (peak = Math.max(peak, peakOf(child.pid ?? 0))), 100);
    child.once('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`admin ${args.join(' ')} failed (${code}):\n${log}`));
      else resolve({ ms: performance.now() - started, peakMiB: peak });
    });
  });

const runOne = async (
  recorder: Recorder,
  from: Backend,
  to: Backend,
  documents: number,
): Promise<void> => {
  await prepareOffice(from, documents);
  const file = join(from.dataDir, 'office.ndjson');
  const db = from.kind;
  const backup = await runAdmin(from, ['backup', file]);
  const bytes = statSync(file).size;
  const restore = await runAdmin(to, ['restore', file]);
  const what = (step: string) =>
    `npm run admin -- ${step} of the office dataset scaled to about ${documents} documents, on ${db}, the CLI in its own process`;
  recorder.record({
    name: `backup.${db}.backup_time`,
    what: what('backup FILE (one snapshot, streamed as NDJSON)'),
    value: round(backup.ms / 1000, 2),
    unit: 's',
    size: documents,
    extra: { fileMiB: round(bytes / 2 ** 20, 1) },
  });
  recorder.record({
    name: `backup.${db}.backup_peak_rss`,
    what: `${what('backup FILE')}; peak resident memory (VmHWM)`,
    value: round(backup.peakMiB, 1),
    unit: 'MiB',
    size: documents,
  });
  recorder.record({
    name: `backup.${db}.restore_time`,
    what: what('restore FILE (into an empty store, one transaction)'),
    value: round(restore.ms / 1000, 2),
    unit: 's',
    size: documents,
  });
  recorder.record({
    name: `backup.${db}.restore_peak_rss`,
    what: `${what('restore FILE')}; peak resident memory (VmHWM)`,
    value: round(restore.peakMiB, 1),
    unit: 'MiB',
    size: documents,
  });
};

export const runBackupSuite = async (
  recorder: Recorder,
  options: { documents: number; pgUrl: string | undefined },
): Promise<void> => {
  const from = mkdtempSync(join(tmpdir(), 'fairlead-bench-backup-'));
  const to = mkdtempSync(join(tmpdir(), 'fairlead-bench-restore-'));
  try {
    await runOne(
      recorder,
      { kind: 'sqlite', dataDir: from },
      { kind: 'sqlite', dataDir: to },
      options.documents,
    );
  } finally {
    rmSync(from, { recursive: true, force: true });
    rmSync(to, { recursive: true, force: true });
  }
  if (!options.pgUrl) {
    console.warn('FAIRLEAD_TEST_PG_URL is not set: the PostgreSQL backup figures are skipped.');
    return;
  }
  const stamp = Date.now();
  const names = [`fairlead_bench_backup_${stamp}`, `fairlead_bench_restore_${stamp}`];
  const backends = names.map((name): Backend => {
    const url = new URL(options.pgUrl ?? '');
    url.pathname = `/${name}`;
    return {
      kind: 'postgres',
      dataDir: mkdtempSync(join(tmpdir(), 'fairlead-bench-pg-')),
      databaseUrl: url.toString(),
    };
  });
  for (const name of names) await adminQuery(options.pgUrl, `create database ${name}`);
  try {
    const [pgFrom, pgTo] = backends as [Backend, Backend];
    await runOne(recorder, pgFrom, pgTo, options.documents);
  } finally {
    for (const name of names)
      await adminQuery(options.pgUrl, `drop database if exists ${name} with (force)`);
    for (const b of backends) rmSync(b.dataDir, { recursive: true, force: true });
  }
};
