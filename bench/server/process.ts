// The sync server in its own process (so its memory is its own), started the way an
// operator does (server/src/main.ts on DATA_DIR / DATABASE_URL / PORT), with its data
// prepared beforehand through the server's storage API.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import type { DatasetSizes } from '../../shared/dataset';
import { createServer } from '../../server/src/app';
import { DEMO_PASSWORD, loadDemo } from '../../server/src/demo';
import { repoRoot } from '../lib/figures';

export type Backend =
  { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; dataDir: string; databaseUrl: string };

const officeTotal = 506_000;

/** Linux's USER_HZ, the unit of /proc/<pid>/stat's CPU times. */
const CLOCK_TICKS_PER_S = 100;

/** The office of DESIGN.md §7 scaled to about `records` documents (100 sellers, 10 teams). */
export const officeSizes = (records: number): Partial<DatasetSizes> => {
  const n = (office: number) => Math.max(1, Math.round((office * records) / officeTotal));
  return {
    sellers: 100,
    teams: 10,
    leads: n(100_000),
    accounts: n(20_000),
    contacts: n(30_000),
    opportunities: n(25_000),
    quotes: n(15_000),
    orders: n(8_000),
    invoices: n(8_000),
    activities: n(300_000),
  };
};

/** Loads the scaled office into the backend; returns the sellers' e-mail addresses. */
export const prepareOffice = async (backend: Backend, records: number) => {
  const server = await createServer({
    dataDir: backend.dataDir,
    databaseUrl: backend.kind === 'postgres' ? backend.databaseUrl : undefined,
  });
  try {
    const signIn = await loadDemo(server.storage, { seed: 11, sizes: officeSizes(records) });
    return {
      password: DEMO_PASSWORD,
      sellers: signIn.users.filter((u) => u.role === 'seller').map((u) => u.email),
    };
  } finally {
    await server.close();
  }
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });

export type ServerProcess = {
  url: string;
  pid: number;
  rssMiB(): number;
  /** CPU time the process used so far, every thread (user + system). */
  cpuMs(): number;
  stop(): Promise<void>;
};

export const startServerProcess = async (backend: Backend): Promise<ServerProcess> => {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: backend.dataDir,
    DATABASE_URL: backend.kind === 'postgres' ? backend.databaseUrl : '',
  };
  let log = '';
  // FAIRLEAD_BENCH_CPU_PROF=<folder>: the server writes a V8 CPU profile there when it stops.
  const profile = process.env.FAIRLEAD_BENCH_CPU_PROF;
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [...flags, '--import', 'tsx', 'server/src/main.ts'],
    {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-4000)));
  child.stderr?.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`the sync server exited:\n${log}`);
    if (attempt > 300) throw new Error(`the sync server did not become healthy:\n${log}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const pid = child.pid as number;
  return {
    url,
    pid,
    rssMiB() {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        return kb / 1024;
      } catch {
        return 0;
      }
    },
    cpuMs() {
      try {
        // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesized command name.
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
      } catch {
        return 0;
      }
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
};
