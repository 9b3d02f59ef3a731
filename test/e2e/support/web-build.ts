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

export const webBuildIsStale = (root = webRoot): boolean => {
  const index = join(root, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = Math.max(
    newest(join(repoRoot, 'renderer')),
    newest(join(repoRoot, 'shared')),
    statSync(join(repoRoot, 'vite.config.ts')).mtimeMs,
  );
  return sources > built;
};

/** Builds out/web, or another folder with build switches in `env` (e.g. a control build). */
export const ensureWebBuild = (
  options: { outDir?: string; env?: Record<string, string> } = {},
): void => {
  const root = options.outDir ?? webRoot;
  if (!webBuildIsStale(root)) return;
  execFileSync(
    join(repoRoot, 'node_modules/.bin/vite'),
    ['build', '--logLevel', 'warn', ...(options.outDir ? ['--outDir', root] : [])],
    { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...options.env } },
  );
};
