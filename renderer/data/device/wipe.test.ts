// The device wipe on a real RxDB store (Dexie on fake-indexeddb): the seller's store, keys and
// local entries go; the installation id and the interface settings stay.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { describe, expect, it } from 'vitest';
import type { Platform, PlatformResult } from '../../../shared/platform';
import { seller } from '../../../shared/domain/test-fixtures';
import { createFairleadDatabase } from '../database';
import { createCommands } from '../commands/index';
import { ensureInstallationId } from '../installation';
import { SESSION_KEY, TOKEN_KEY } from '../sync/session';
import { unwrap } from '../test-support';
import { checkPassword, PASSWORD_CHECK_KEY, rememberPassword } from './password-check';
import { wipeDevice, wipeNotice } from './wipe';

const memoryStorage = (): Storage => {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
    clear: () => items.clear(),
  };
};

const memorySecrets = () => {
  const secrets = new Map<string, string>();
  const ok = <T>(value: T): PlatformResult<T> => ({ ok: true, value });
  const platform: Pick<Platform, 'getSecret' | 'setSecret' | 'deleteSecret'> = {
    getSecret: async (k) => ok(secrets.get(k) ?? null),
    setSecret: async (k, v) => ok(void secrets.set(k, v)),
    deleteSecret: async (k) => ok(void secrets.delete(k)),
  };
  return { secrets, platform };
};

describe('wipeDevice', () => {
  it('deletes the store, the keys and the local entries, keeping the installation', async () => {
    const indexedDB = new IDBFactory();
    const storage = getRxStorageDexie({ indexedDB, IDBKeyRange });
    const installation = await ensureInstallationId({}, { storage });
    const open = () =>
      createFairleadDatabase({ name: 'fairlead_seller', storage, multiInstance: false });
    const db = await open();
    unwrap(
      await createCommands(db, seller).lead.create({
        topic: 'Stand visit',
        firstName: 'Giulia',
        lastName: 'Wipetest',
        email: 'giulia.wipetest@example.it',
      }),
    );
    await db.upsertLocal('fairlead-session', { user: 'Giulia' });
    await db.close();

    const { secrets, platform } = memorySecrets();
    secrets.set(TOKEN_KEY, 'token');
    secrets.set(SESSION_KEY, '{}');
    await rememberPassword(platform, 'Passw0rd!', 1_000);
    const local = memoryStorage();
    local.setItem('fairlead.ui', '{"state":{"locale":"it"}}');
    local.setItem('fairlead.secret.fairlead.session.token', 'token');
    local.setItem('fairlead.lock', '{}');
    local.setItem('fairlead.import-mapping.abc', '{}');
    const session = memoryStorage();
    session.setItem('draft', 'Giulia');

    const report = await wipeDevice('revoked', {
      platform,
      indexedDB,
      localStorage: local,
      sessionStorage: session,
    });

    expect(report.failures).toEqual([]);
    expect(report.databases.some((n) => n.includes('fairlead_seller'))).toBe(true);
    const left = (await indexedDB.databases()).map((d) => d.name);
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((n) => n?.startsWith('rxdb-dexie-fairlead_device--'))).toBe(true);
    expect([...secrets.keys()]).toEqual([]);
    expect(await checkPassword(platform, 'Passw0rd!')).toBe('unknown');
    expect(Array.from({ length: local.length }, (_, i) => local.key(i)).sort()).toEqual([
      'fairlead.ui',
      'fairlead.wipe-notice',
    ]);
    expect(wipeNotice(local)).toBe('revoked');
    expect(session.length).toBe(0);

    // Reopened: an empty store, and the same installation.
    const reopened = await open();
    expect(await reopened.leads.count().exec()).toBe(0);
    expect(await reopened.getLocal('fairlead-session')).toBeNull();
    await reopened.remove();
    expect(await ensureInstallationId({}, { storage })).toBe(installation);
  });

  it('leaves no notice after a plain sign-out', async () => {
    const local = memoryStorage();
    await wipeDevice('signed_out', {
      platform: memorySecrets().platform,
      indexedDB: new IDBFactory(),
      localStorage: local,
      sessionStorage: memoryStorage(),
    });
    expect(wipeNotice(local)).toBeNull();
  });
});

describe('the password check of the app lock', () => {
  it('knows the right password, refuses a wrong one, and says when it keeps none', async () => {
    const { secrets, platform } = memorySecrets();
    expect(await checkPassword(platform, 'anything')).toBe('unknown');
    expect(await rememberPassword(platform, 'Corretta-1', 2_000)).toBe(true);
    expect(secrets.get(PASSWORD_CHECK_KEY)).not.toContain('Corretta-1');
    expect(await checkPassword(platform, 'Corretta-1')).toBe('correct');
    expect(await checkPassword(platform, 'corretta-1')).toBe('wrong');
    expect(await checkPassword(platform, '')).toBe('wrong');
  });
});
