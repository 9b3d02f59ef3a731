// The one sync server the desktop renderer may connect to (its CSP's connect-src). The
// seller names it at the first sign-in; the main process keeps its origin in the user data
// folder and serves every page with a CSP allowing that origin only. Plain http is accepted
// for a server on this computer only (a local office server, development).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The origin of an acceptable sync server address, or null. */
export const syncServerOrigin = (raw: unknown): string | null => {
  if (typeof raw !== 'string' || raw.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  if (url.protocol === 'https:') return url.origin;
  if (url.protocol === 'http:' && loopbackHosts.has(url.hostname)) return url.origin;
  return null;
};

type SyncServerFile = { version: 1; origin: string };

export type SyncServerStore = {
  /** The trusted origin, or null before the first sign-in. */
  current(): string | null;
  /** Trusts `url`'s origin from now on; `changed` when it differs from the one before. */
  trust(url: string): Promise<{ origin: string; changed: boolean } | null>;
};

/** Reads the kept origin once at start; `fallback` (FAIRLEAD_SYNC_SERVER) when none is kept. */
export const openSyncServerStore = async (
  filePath: string,
  fallback?: string,
): Promise<SyncServerStore> => {
  let origin: string | null = null;
  try {
    const parsed = JSON.parse(await readFile(filePath, 'utf8')) as Partial<SyncServerFile>;
    origin = parsed.version === 1 ? syncServerOrigin(parsed.origin) : null;
  } catch {
    // No file yet, or a damaged one: nothing is trusted until the seller names the server.
  }
  origin ??= fallback === undefined ? null : syncServerOrigin(fallback);
  return {
    current: () => origin,
    trust: async (url) => {
      const next = syncServerOrigin(url);
      if (next === null) return null;
      const changed = next !== origin;
      if (changed) {
        await mkdir(path.dirname(filePath), { recursive: true });
        const temp = `${filePath}.${process.pid}.tmp`;
        const file: SyncServerFile = { version: 1, origin: next };
        await writeFile(temp, JSON.stringify(file), { mode: 0o600 });
        await rename(temp, filePath);
        origin = next;
      }
      return { origin: next, changed };
    },
  };
};
