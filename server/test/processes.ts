// Server processes and an HAProxy in front of them, started as an operator does, for the
// scale-out tests: each process on a port of its own, so a killed one restarts on it.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import type { Place } from './harness';

export const haproxyAvailable = (): boolean =>
  spawnSync('haproxy', ['-v'], { stdio: 'ignore' }).status === 0;

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });

const waitHealthy = async (url: string, child: ChildProcess, log: () => string) => {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the process exited early:\n${log()}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer from ${url}:\n${log()}`);
};

export type ServerProcess = {
  url: string;
  port: number;
  child: ChildProcess;
  /** Ends the process at once, as a crash or an OOM kill would. */
  kill(): Promise<void>;
  stop(): Promise<void>;
};

const ended = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));

/** `npm run server` on `place` at `port`, behind a proxy on this machine. */
export const startServerProcess = async (place: Place, port: number): Promise<ServerProcess> => {
  const child = spawn(process.execPath, ['--import', 'tsx', join('server', 'src', 'main.ts')], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: place.dataDir,
      DATABASE_URL: place.databaseUrl,
      TRUST_PROXY: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer) => (out = (out + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, child, () => out);
  return {
    url,
    port,
    child,
    async kill() {
      const gone = ended(child);
      child.kill('SIGKILL');
      await gone;
    },
    async stop() {
      const gone = ended(child);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
    },
  };
};

export type Balancer = { url: string; stop(): Promise<void> };

/** HAProxy on server/deploy/haproxy.cfg, its addresses from the environment as documented. */
export const startBalancer = async (serverPorts: number[]): Promise<Balancer> => {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, FAIRLEAD_LISTEN: `127.0.0.1:${port}` };
  serverPorts.forEach((p, i) => (env[`FAIRLEAD_SERVER${i + 1}`] = `127.0.0.1:${p}`));
  const child = spawn('haproxy', ['-db', '-f', join('server', 'deploy', 'haproxy.cfg')], {
    cwd: process.cwd(),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer) => (out = (out + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, child, () => out);
  return {
    url,
    async stop() {
      const gone = ended(child);
      child.kill('SIGTERM');
      await gone;
    },
  };
};
