import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const stub = vi.hoisted(async () => (await import('./ipc-test-electron')).createElectronStub());
vi.mock('electron', async () => (await stub).module);

const { safeStorage } = await stub;
const { createSecretStore, secretStorageStatus } = await import('./secrets');

let dir = '';
let file = '';

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fairlead-secrets-'));
  file = path.join(dir, 'secrets.json');
  vi.clearAllMocks();
  safeStorage.isAsyncEncryptionAvailable.mockResolvedValue(true);
  safeStorage.getSelectedStorageBackend.mockReturnValue('kwallet5');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('secretStorageStatus', () => {
  it('names the OS keyring', async () => {
    expect(await secretStorageStatus('darwin')).toEqual({ available: true, backend: 'keychain' });
    expect(await secretStorageStatus('win32')).toEqual({ available: true, backend: 'dpapi' });
    expect(await secretStorageStatus('linux')).toEqual({ available: true, backend: 'kwallet5' });
  });

  it('is unavailable without encryption or with a Linux backend that is no keyring', async () => {
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    expect(await secretStorageStatus('linux')).toEqual({ available: false, backend: 'basic_text' });
    safeStorage.getSelectedStorageBackend.mockReturnValue('unknown');
    expect((await secretStorageStatus('linux')).available).toBe(false);
    safeStorage.isAsyncEncryptionAvailable.mockResolvedValue(false);
    expect((await secretStorageStatus('darwin')).available).toBe(false);
    expect((await secretStorageStatus('win32')).available).toBe(false);
  });
});

describe('createSecretStore', () => {
  it('keeps several secrets, only as ciphertext, in a private file', async () => {
    const store = createSecretStore(file, 'linux');
    await Promise.all([store.set('session.token', 'tok-1'), store.set('device.key', 'key-1')]);
    expect(await store.get('session.token')).toEqual({ ok: true, value: 'tok-1' });
    expect(await store.get('device.key')).toEqual({ ok: true, value: 'key-1' });
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('tok-1');
    expect(text).not.toContain('key-1');
    if (process.platform !== 'win32') {
      const { stat } = await import('node:fs/promises');
      expect((await stat(file)).mode & 0o077).toBe(0);
    }
    // A new store over the same file (an app restart) reads them back.
    expect(await createSecretStore(file, 'linux').get('session.token')).toEqual({
      ok: true,
      value: 'tok-1',
    });
  });

  it('refuses to store or read secrets when the Linux backend is basic_text', async () => {
    const store = createSecretStore(file, 'linux');
    await store.set('session.token', 'tok-1');
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    const refused = await store.set('session.token', 'tok-2');
    expect(refused).toMatchObject({ ok: false, error: { code: 'secret-storage-unavailable' } });
    expect(refused).toHaveProperty('error.message.en', expect.stringMatching(/keyring/));
    expect(refused).toHaveProperty('error.message.it', expect.stringMatching(/portachiavi/));
    expect(await store.get('session.token')).toMatchObject({ ok: false });
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledTimes(1);
  });

  it('refuses when the OS offers no encryption at all', async () => {
    safeStorage.isAsyncEncryptionAvailable.mockResolvedValue(false);
    const store = createSecretStore(file, 'win32');
    expect(await store.set('session.token', 'x')).toMatchObject({
      ok: false,
      error: { code: 'secret-storage-unavailable' },
    });
    await expect(readFile(file)).rejects.toThrow();
  });

  it('still forgets a secret without a keyring (sign-out must always work)', async () => {
    const store = createSecretStore(file, 'linux');
    await store.set('session.token', 'tok-1');
    safeStorage.isAsyncEncryptionAvailable.mockResolvedValue(false);
    expect(await store.delete('session.token')).toEqual({ ok: true, value: null });
    expect(await readFile(file, 'utf8')).not.toContain('session.token');
  });

  it('answers null for unknown keys, including inherited property names', async () => {
    const store = createSecretStore(file, 'linux');
    expect(await store.get('constructor')).toEqual({ ok: true, value: null });
    expect(await store.get('missing')).toEqual({ ok: true, value: null });
  });

  it('starts over from a damaged file and reports an unreadable one', async () => {
    await writeFile(file, '{not json');
    const store = createSecretStore(file, 'linux');
    expect(await store.get('session.token')).toEqual({ ok: true, value: null });
    expect(await store.set('session.token', 'tok-3')).toEqual({ ok: true, value: null });
    expect(await store.get('session.token')).toEqual({ ok: true, value: 'tok-3' });
    await writeFile(file, JSON.stringify({ version: 2 }));
    expect(await store.get('session.token')).toEqual({ ok: true, value: null });
    const unreadable = createSecretStore(dir, 'linux');
    expect(await unreadable.get('session.token')).toMatchObject({
      ok: false,
      error: { code: 'io-error' },
    });
  });
});

describe('safeStorage asynchronous API', () => {
  it('uses only the asynchronous calls and stores a secret again when the keyring rotated', async () => {
    const store = createSecretStore(file, 'linux');
    await store.set('store.key.fairlead_a', 'data-key');
    const before = await readFile(file, 'utf8');
    safeStorage.decryptStringAsync.mockImplementationOnce(async () => ({
      shouldReEncrypt: true,
      result: 'data-key',
    }));
    expect(await store.get('store.key.fairlead_a')).toEqual({ ok: true, value: 'data-key' });
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledTimes(2);
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await store.get('store.key.fairlead_a')).toEqual({ ok: true, value: 'data-key' });
    expect('encryptString' in safeStorage).toBe(false);
  });
});
