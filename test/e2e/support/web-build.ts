// Builds the browser app into out/web when it is missing or older than its sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = new URL('../../../', import.meta.url).pathname;
export const webRoot = join(repoRoot, 'out/web');

const newest = (dir: string): number => {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
};

export const webBuildIsStale = (): boolean => {
  const index = join(webRoot, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = Math.max(
    newest(join(repoRoot, 'renderer')),
    newest(join(repoRoot, 'shared')),
    statSync(join(repoRoot, 'vite.config.ts')).mtimeMs,
  );
  return sources > built;
};

export const ensureWebBuild = (): void => {
  if (!webBuildIsStale()) return;
  execFileSync(join(repoRoot, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
};
