// Secrets (session token, device key, the data key of the encrypted store) encrypted with
// Electron safeStorage, which keeps the key in the OS keyring (Keychain, DPAPI,
// libsecret/KWallet), through its asynchronous API (the synchronous one goes in Electron 46).
// Where the OS offers no real keyring (Linux 'basic_text'), Fairlead refuses to store them
// instead of writing them in the clear.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { safeStorage } from 'electron';
import type { IpcResult } from '../../../shared/ipc/channels';
import { ipcFail, ipcOk } from '../../../shared/ipc/contract';
import type { SecretStorageStatus } from '../../../shared/platform';

// safeStorage backends on Linux that do not protect the key with a keyring.
const weakLinuxBackends: readonly string[] = ['basic_text', 'unknown'];

export const secretStorageStatus = async (
  platform: NodeJS.Platform,
): Promise<SecretStorageStatus> => {
  const encryption = await safeStorage.isAsyncEncryptionAvailable();
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    return { available: encryption && !weakLinuxBackends.includes(backend), backend };
  }
  const backend = platform === 'darwin' ? 'keychain' : platform === 'win32' ? 'dpapi' : platform;
  return { available: encryption, backend };
};

const unavailable = (): IpcResult<never> =>
  ipcFail(
    'secret-storage-unavailable',
    'This computer has no secure keyring, so Fairlead cannot keep your sign-in safely. On Linux, install and unlock GNOME Keyring or KWallet, then sign in again.',
    'Questo computer non ha un portachiavi sicuro, quindi Fairlead non può conservare l’accesso in modo protetto. Su Linux installa e sblocca GNOME Keyring o KWallet, poi accedi di nuovo.',
  );

const ioError = (): IpcResult<never> =>
  ipcFail(
    'io-error',
    'Fairlead could not read or write its secure storage.',
    'Fairlead non è riuscito a leggere o scrivere l’archivio protetto.',
  );

type SecretFile = { version: 1; entries: Record<string, string> };

const emptyFile = (): SecretFile => ({ version: 1, entries: {} });

const isSecretFile = (value: unknown): value is SecretFile =>
  typeof value === 'object' &&
  value !== null &&
  (value as { version?: unknown }).version === 1 &&
  typeof (value as { entries?: unknown }).entries === 'object' &&
  (value as { entries?: unknown }).entries !== null;

export type SecretStore = {
  status(): Promise<SecretStorageStatus>;
  set(key: string, value: string): Promise<IpcResult<null>>;
  get(key: string): Promise<IpcResult<string | null>>;
  delete(key: string): Promise<IpcResult<null>>;
};

/** filePath: e.g. <userData>/secrets.json; it holds only ciphertext, base64-encoded. */
export const createSecretStore = (filePath: string, platform: NodeJS.Platform): SecretStore => {
  // Writes are chained so two quick calls never interleave read-modify-write.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const load = async (): Promise<SecretFile> => {
    try {
      const parsed: unknown = JSON.parse(await readFile(filePath, 'utf8'));
      return isSecretFile(parsed) ? parsed : emptyFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyFile();
      // A damaged file holds nothing usable: start over, the user signs in again.
      if (error instanceof SyntaxError) return emptyFile();
      throw error;
    }
  };

  const save = async (file: SecretFile): Promise<void> => {
    await mkdir(path.dirname(filePath), { recursive: true });
    const temp = `${filePath}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(file), { mode: 0o600 });
    await rename(temp, filePath);
  };

  const status = (): Promise<SecretStorageStatus> => secretStorageStatus(platform);

  return {
    status,
    set: (key, value) =>
      serialized(async () => {
        if (!(await status()).available) return unavailable();
        try {
          const file = await load();
          const sealed = await safeStorage.encryptStringAsync(value);
          const entries = { ...file.entries, [key]: sealed.toString('base64') };
          await save({ version: 1, entries });
          return ipcOk(null);
        } catch {
          return ioError();
        }
      }),
    get: (key) =>
      serialized(async () => {
        if (!(await status()).available) return unavailable();
        try {
          const file = await load();
          const stored = Object.hasOwn(file.entries, key) ? file.entries[key] : undefined;
          if (typeof stored !== 'string') return ipcOk(null);
          const opened = await safeStorage.decryptStringAsync(Buffer.from(stored, 'base64'));
          if (opened.shouldReEncrypt) {
            // The keyring rotated its key: store the secret again under the new one.
            const sealed = await safeStorage.encryptStringAsync(opened.result);
            await save({
              version: 1,
              entries: { ...file.entries, [key]: sealed.toString('base64') },
            });
          }
          return ipcOk(opened.result);
        } catch {
          return ioError();
        }
      }),
    // Deleting never needs the keyring: forgetting a secret is always allowed.
    delete: (key) =>
      serialized(async () => {
        try {
          const file = await load();
          if (!Object.hasOwn(file.entries, key)) return ipcOk(null);
          const entries = Object.fromEntries(
            Object.entries(file.entries).filter(([name]) => name !== key),
          );
          await save({ version: 1, entries });
          return ipcOk(null);
        } catch {
          return ioError();
        }
      }),
  };
};
