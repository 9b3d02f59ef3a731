// `npm start`: the sync server on SQLite with demo data, the browser build served on one
// origin with the API, and the desktop app when Electron's binary is installed.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startWebServer } from './web-server';

const root = new URL('../', import.meta.url).pathname;
const env = process.env;
const host = env.HOST ?? '127.0.0.1';
const apiPort = Number(env.PORT ?? 8787);
const webPort = Number(env.WEB_PORT ?? 5173);
const dataDir = env.DATA_DIR ?? join(root, 'data');
const children: ChildProcess[] = [];

const stopAll = () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
};
process.on('SIGINT', () => {
  stopAll();
  process.exit(0);
});
process.on('SIGTERM', () => {
  stopAll();
  process.exit(0);
});

const waitForHealth = async (url: string): Promise<void> => {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The sync server did not start at ${url}.`);
};

// The path of Electron's binary, when it was downloaded (the npm package writes path.txt).
const electronBinary = (): string | null => {
  const pathFile = join(root, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
};

const main = async () => {
  console.log('Building the web app…');
  const build = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('The web build failed.');

  const server = spawn('npm', ['run', '--silent', 'server', '--', '--demo'], {
    cwd: root,
    env: { ...env, HOST: host, PORT: String(apiPort), DATA_DIR: dataDir },
    stdio: 'inherit',
  });
  children.push(server);
  server.on('exit', (code) => {
    console.error(`The sync server stopped (exit code ${code}).`);
    process.exit(code ?? 1);
  });
  const apiUrl = `http://${host}:${apiPort}`;
  await waitForHealth(apiUrl);
  const web = await startWebServer({ root: join(root, 'out/web'), apiUrl, port: webPort, host });

  const electron = electronBinary();
  if (electron) {
    const desktop = spawnSync(join(root, 'node_modules/.bin/electron-vite'), ['build'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (desktop.status === 0) {
      const app = spawn(electron, [root], {
        cwd: root,
        env: { ...env, FAIRLEAD_SERVER_URL: web.url },
        stdio: 'inherit',
      });
      children.push(app);
      console.log(`\nFairlead desktop app started. Server address for sign-in: ${web.url}`);
      app.on('exit', () => {
        stopAll();
        process.exit(0);
      });
      return;
    }
    console.warn('The desktop build failed; use the browser app instead.');
  } else {
    console.log("\nElectron's binary is not installed here: use the browser app.");
  }
  console.log(
    `\nFairlead is running: open ${web.url}\n(sync server ${apiUrl}, data in ${dataDir}; Ctrl+C stops)\n`,
  );
};

main().catch((error: unknown) => {
  console.error((error as Error).message);
  stopAll();
  process.exit(1);
});
