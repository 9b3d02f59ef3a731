// The installation id on a real RxDB store (Dexie on fake-indexeddb): made once, kept, and
// taken back from the desktop app's main process after the renderer's storage was wiped.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { describe, expect, it, vi } from 'vitest';
import type { PlatformResult } from '../../shared/platform';
import { installationIdPattern } from '../../shared/sync/protocol';
import { ensureInstallationId } from './installation';

// A fresh IndexedDB each call: a new computer, or a renderer whose storage was cleared.
const freshStorage = () => getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange });

/** The main process's copy, as electron/main/ipc/installation.ts keeps it. */
const mainProcess = () => {
  let kept: string | null = null;
  return {
    keepInstallationId: vi.fn(async (proposed: string): Promise<PlatformResult<string>> => {
      kept ??= proposed;
      return { ok: true, value: kept };
    }),
  };
};

describe('ensureInstallationId', () => {
  it('makes a random id at the first start and keeps it in the store', async () => {
    const storage = freshStorage();
    const id = await ensureInstallationId({}, { storage });
    expect(id).toMatch(installationIdPattern);
    expect(await ensureInstallationId({}, { storage })).toBe(id);
    expect(await ensureInstallationId({}, { storage: freshStorage() })).not.toBe(id);
  });

  it('gets the main process’s id back after the renderer’s storage is wiped', async () => {
    const main = mainProcess();
    const id = await ensureInstallationId(main, { storage: freshStorage() });
    const wiped = freshStorage();
    expect(await ensureInstallationId(main, { storage: wiped })).toBe(id);
    // The store holds it again, also when the main process cannot answer.
    const unavailable = {
      keepInstallationId: async (): Promise<PlatformResult<string>> => ({
        ok: false,
        error: 'io error',
      }),
    };
    expect(await ensureInstallationId(unavailable, { storage: wiped })).toBe(id);
    expect(main.keepInstallationId).toHaveBeenCalledTimes(2);
  });

  it('adopts the main process’s id over an older one in the store', async () => {
    const storage = freshStorage();
    const own = await ensureInstallationId({}, { storage });
    const main = mainProcess();
    await main.keepInstallationId('0123456789abcdef0123456789abcdef');
    expect(await ensureInstallationId(main, { storage })).toBe('0123456789abcdef0123456789abcdef');
    expect(own).not.toBe('0123456789abcdef0123456789abcdef');
    expect(await ensureInstallationId({}, { storage })).toBe('0123456789abcdef0123456789abcdef');
  });
});
