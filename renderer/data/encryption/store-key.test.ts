// The key holder over the real browser platform (its secrets in a Storage-like map) and over a
// desktop-like keyring: the data key is made once, kept only wrapped, and comes back offline.
import { describe, expect, it } from 'vitest';
import type { Platform } from '../../../shared/platform';
import { createBrowserPlatform } from '../../platform/browser-platform';
import { openJson, sealJson } from './record-cipher';
import { createStoreKeyHolder, storeKeySecret } from './store-key';

const memoryStorage = () => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
};

const browser = () => {
  const storage = memoryStorage();
  const platform = createBrowserPlatform({
    storage,
    document: {} as Document,
    window: {} as Window,
    createObjectUrl: () => '',
    revokeObjectUrl: () => undefined,
  });
  return { storage, platform };
};

const iterations = 2_000;

describe('store key holder in the browser', () => {
  it('makes a key on first unlock, keeps it wrapped, and unwraps it with the same password', async () => {
    const { storage, platform } = browser();
    const first = createStoreKeyHolder({ platform, storeName: 'fairlead_x', iterations });
    expect(first.isEncrypted).toBe(true);
    expect(first.needsPassword).toBe(true);
    expect(first.current()).toBeNull();
    expect(await first.unlock('s3cret-Pass')).toEqual({ ok: true, value: { replaced: false } });
    const sealed = await sealJson(first.current()!, { email: 'anna@example.com' }, 'leads/1');

    const stored = [...storage.items.values()].join('\n');
    expect(stored).toContain('PBKDF2-SHA-256');
    expect(stored).not.toContain('s3cret-Pass');

    // A restart: a new holder over the same storage, offline, with the password.
    const again = createStoreKeyHolder({ platform, storeName: 'fairlead_x', iterations });
    expect((await again.unlock('s3cret-Pass')).ok).toBe(true);
    expect(await openJson(again.current()!, sealed, 'leads/1')).toEqual({
      email: 'anna@example.com',
    });
  });

  it('refuses a wrong password in plain words and keeps the key it has', async () => {
    const { platform } = browser();
    const holder = createStoreKeyHolder({ platform, storeName: 'fairlead_y', iterations });
    await holder.unlock('right-one');
    const stored = await platform.getSecret(storeKeySecret('fairlead_y'));
    const wrong = await createStoreKeyHolder({
      platform,
      storeName: 'fairlead_y',
      iterations,
    }).unlock('wrong');
    expect(wrong).toMatchObject({ ok: false, error: { code: 'store.wrong_password' } });
    if (!wrong.ok) expect(wrong.error.message.it).toContain('Password errata');
    expect(await platform.getSecret(storeKeySecret('fairlead_y'))).toEqual(stored);
    const empty = await holder.unlock('');
    expect(empty.ok).toBe(false);
  });

  it('replaces a key wrapped with an old password only when asked (after the server accepted the new one)', async () => {
    const { platform } = browser();
    await createStoreKeyHolder({ platform, storeName: 's', iterations }).unlock('old-password');
    const holder = createStoreKeyHolder({ platform, storeName: 's', iterations });
    expect(await holder.unlock('new-password', { replaceUnreadable: true })).toEqual({
      ok: true,
      value: { replaced: true },
    });
    expect(
      (await createStoreKeyHolder({ platform, storeName: 's', iterations }).unlock('new-password'))
        .ok,
    ).toBe(true);
  });

  it('forgets: the wrapped key is deleted and the held one dropped', async () => {
    const { storage, platform } = browser();
    const holder = createStoreKeyHolder({ platform, storeName: 'z', iterations });
    await holder.unlock('pw-pw-pw');
    holder.lock();
    expect(holder.current()).toBeNull();
    await holder.unlock('pw-pw-pw');
    expect((await holder.forget()).ok).toBe(true);
    expect(holder.current()).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it('does nothing when the build has encryption off', async () => {
    const { storage, platform } = browser();
    const holder = createStoreKeyHolder({ platform, storeName: 'off', encrypted: false });
    expect(holder.isEncrypted).toBe(false);
    expect((await holder.unlock('whatever')).ok).toBe(true);
    expect(holder.current()).toBeNull();
    expect(storage.items.size).toBe(0);
  });
});

describe('store key holder on the desktop', () => {
  it('keeps the raw key in the keyring secret store and needs no password', async () => {
    const secrets = new Map<string, string>();
    const platform: Pick<Platform, 'kind' | 'getSecret' | 'setSecret' | 'deleteSecret'> = {
      kind: 'electron',
      getSecret: async (key) => ({ ok: true, value: secrets.get(key) ?? null }),
      setSecret: async (key, value) => (secrets.set(key, value), { ok: true, value: undefined }),
      deleteSecret: async (key) => (secrets.delete(key), { ok: true, value: undefined }),
    };
    const holder = createStoreKeyHolder({ platform, storeName: 'd' });
    expect(holder.needsPassword).toBe(false);
    expect((await holder.unlock()).ok).toBe(true);
    expect(secrets.get(storeKeySecret('d'))).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const sealed = await sealJson(holder.current()!, 'x', 'c');
    const restarted = createStoreKeyHolder({ platform, storeName: 'd' });
    await restarted.unlock();
    expect(await openJson(restarted.current()!, sealed, 'c')).toBe('x');
    // A keyring that refuses (no secure backend) is reported, nothing is sealed.
    const refusing = createStoreKeyHolder({
      platform: { ...platform, getSecret: async () => ({ ok: false, error: 'no keyring' }) },
      storeName: 'e',
    });
    expect(await refusing.unlock()).toMatchObject({
      ok: false,
      error: { code: 'store.key_storage' },
    });
  });
});
