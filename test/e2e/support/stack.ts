// A whole Fairlead stack for one test file: the sync server on a temporary SQLite data
// folder with demo data (through the operator's contract, `npm run server -- --demo`), a
// test seller added with `npm run admin`, and the browser build served on the same origin.
import { spawn, execFile } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startWebServer } from '../../../scripts/web-server';
import type { WebServer } from '../../../scripts/web-server';
import { ensureWebBuild, repoRoot, webRoot } from './web-build';

export type Credentials = { email: string; password: string; name: string };

export type Stack = {
  /** Where the browser opens the app (same origin as the API). */
  appUrl: string;
  apiUrl: string;
  seller: Credentials;
  dataDir: string;
  stop: () => Promise<void>;
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });

const waitForHealth = async (url: string, server: ChildProcess, output: () => string) => {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (server.exitCode !== null) throw new Error(`the sync server exited:\n${output()}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the sync server did not become healthy:\n${output()}`);
};

export const startStack = async (): Promise<Stack> => {
  ensureWebBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'fairlead-e2e-'));
  const port = await freePort();
  const env = { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir };
  let log = '';
  const server = spawn('npm', ['run', '--silent', 'server', '--', '--demo'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const apiUrl = `http://127.0.0.1:${port}`;
  let web: WebServer | null = null;
  const stop = async () => {
    await web?.close();
    if (server.pid !== undefined && server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      process.kill(-server.pid, 'SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(apiUrl, server, () => log);
    const seller: Credentials = {
      email: 'e2e.seller@fairlead.test',
      password: 'e2e-Passw0rd!',
      name: 'Elena Esposito',
    };
    await officeAdmin(
      dataDir,
      ...['user', 'add', '--email', seller.email, '--password', seller.password],
      ...['--role', 'seller', '--team', 'E2E Team', '--name', seller.name],
    );
    web = await startWebServer({ root: webRoot, apiUrl });
    return { appUrl: web.url, apiUrl, seller, dataDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
};

/** Runs the office's command line (`npm run admin -- …`) on a stack's data folder. */
export const officeAdmin = (
  dataDir: string,
  ...args: string[]
): Promise<{ stdout: string; stderr: string }> =>
  promisify(execFile)('npm', ['run', '--silent', 'admin', '--', ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir },
  });

/** Adds a user to the stack's office with the admin command line, as the office would. */
export const addOfficeUser = async (
  stack: Stack,
  user: { email: string; password: string; name?: string } & {
    role: 'seller' | 'manager' | 'admin';
    team?: string;
  },
): Promise<void> => {
  await officeAdmin(
    stack.dataDir,
    ...['user', 'add', '--email', user.email, '--password', user.password, '--role', user.role],
    ...(user.team === undefined ? [] : ['--team', user.team]),
    ...(user.name === undefined ? [] : ['--name', user.name]),
  );
};

/** Signs in over the API (as a second device would) and pulls a collection. */
export const pullAll = async (
  stack: Stack,
  collection: string,
): Promise<Record<string, unknown>[]> => {
  const login = await fetch(`${stack.apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: stack.seller.email,
      password: stack.seller.password,
      deviceName: 'e2e check',
    }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  const documents: Record<string, unknown>[] = [];
  let checkpoint: unknown = null;
  for (;;) {
    const query = new URLSearchParams({ limit: '500' });
    if (checkpoint !== null) query.set('checkpoint', JSON.stringify(checkpoint));
    const response = await fetch(
      `${stack.apiUrl}/api/sync/${collection}/pull?${query.toString()}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    if (!response.ok) throw new Error(`pull ${collection} failed: ${response.status}`);
    const page = (await response.json()) as {
      documents: Record<string, unknown>[];
      checkpoint: unknown;
    };
    documents.push(...page.documents);
    if (page.documents.length === 0 || page.checkpoint === null) return documents;
    checkpoint = page.checkpoint;
  }
};
