// The key holder of the device store: the random data key that seals every record at rest,
// kept wrapped beside the store and held unwrapped in memory only while the store is open.
// Desktop: the main process wraps it with the OS keyring (safeStorage, through the typed
// secret bridge). Browser: no keyring, so it is wrapped with a key derived from the seller's
// password (PBKDF2-SHA-256, slow on purpose), which also makes an offline start possible.
import type { Result } from '../../../shared/domain/errors';
import { fail, ok } from '../../../shared/domain/errors';
import type { Platform } from '../../../shared/platform';
import type { DataKey } from './record-cipher';
import {
  exportDataKey,
  fromBase64,
  generateDataKey,
  importDataKey,
  toBase64,
} from './record-cipher';

// OWASP's 2023 figure for PBKDF2-HMAC-SHA-256; stored with each wrapped key so it can grow.
export const DEFAULT_PBKDF2_ITERATIONS = 600_000;

/** The build switch (FAIRLEAD_STORE_ENCRYPTION=off at build time); on unless turned off. */
export const storeEncryptionEnabled = (): boolean =>
  typeof __FAIRLEAD_STORE_ENCRYPTION__ !== 'string' || __FAIRLEAD_STORE_ENCRYPTION__ !== 'off';

export const storeKeySecret = (storeName: string): string => `store.key.${storeName}`;

type PasswordWrappedKey = {
  v: 1;
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  salt: string;
  iv: string;
  wrapped: string;
};

export type StoreKeyHolder = {
  /** Whether this device seals its records (false only in a build with encryption off). */
  readonly isEncrypted: boolean;
  /** Whether unlock needs the seller's password (the browser) or the OS keyring will do. */
  readonly needsPassword: boolean;
  /** The data key while unlocked; null when locked or when encryption is off. */
  current(): DataKey | null;
  /**
   * Unwraps the data key (making one on first use) and holds it in memory. The browser
   * checks the password offline: a wrong one fails with `store.wrong_password`.
   * `replaceUnreadable` (after the server accepted this password at sign-in): a key wrapped
   * with another password is dropped and a new one made; the old store must then be removed.
   */
  unlock(
    password?: string,
    options?: { replaceUnreadable?: boolean },
  ): Promise<Result<{ replaced: boolean }>>;
  /** Drops the key from memory (app lock); the wrapped key stays. */
  lock(): void;
  /** Deletes the wrapped key (sign-out, wipe): what is left on disk can no longer be read. */
  forget(): Promise<Result<void>>;
};

export type StoreKeyHolderOptions = {
  platform: Pick<Platform, 'kind' | 'getSecret' | 'setSecret' | 'deleteSecret'>;
  /** The store's database name: one key per store. */
  storeName: string;
  encrypted?: boolean;
  iterations?: number;
};

const encoder = new TextEncoder();

const wrappingKey = async (password: string, salt: Uint8Array<ArrayBuffer>, iterations: number) => {
  const material = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
};

const isWrappedKey = (value: unknown): value is PasswordWrappedKey => {
  const v = value as Partial<PasswordWrappedKey> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.v === 1 &&
    v.kdf === 'PBKDF2-SHA-256' &&
    typeof v.iterations === 'number' &&
    typeof v.salt === 'string' &&
    typeof v.iv === 'string' &&
    typeof v.wrapped === 'string'
  );
};

const unreadable = () =>
  fail(
    'store.key_unreadable',
    'The key of this device’s data could not be read. Sign in again to download your records.',
    'Non è stato possibile leggere la chiave dei dati di questo dispositivo. Accedi di nuovo per scaricare i tuoi dati.',
  );

const wrongPassword = () =>
  fail(
    'store.wrong_password',
    'Wrong password. Type the password you use to sign in to Fairlead.',
    'Password errata. Inserisci la password che usi per accedere a Fairlead.',
    'password',
  );

const secretFailed = (message: string) => fail('store.key_storage', message, message);

export const createStoreKeyHolder = (options: StoreKeyHolderOptions): StoreKeyHolder => {
  const { platform, storeName } = options;
  const isEncrypted = options.encrypted ?? storeEncryptionEnabled();
  const iterations = options.iterations ?? DEFAULT_PBKDF2_ITERATIONS;
  const secret = storeKeySecret(storeName);
  const context = encoder.encode(`fairlead-store-key/${storeName}`);
  const needsPassword = isEncrypted && platform.kind === 'browser';
  let held: DataKey | null = null;

  const wrapWithPassword = async (
    raw: Uint8Array<ArrayBuffer>,
    password: string,
  ): Promise<string> => {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const key = await wrappingKey(password, salt, iterations);
    const wrapped = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: context },
      key,
      raw,
    );
    const envelope: PasswordWrappedKey = {
      v: 1,
      kdf: 'PBKDF2-SHA-256',
      iterations,
      salt: toBase64(salt),
      iv: toBase64(iv),
      wrapped: toBase64(new Uint8Array(wrapped)),
    };
    return JSON.stringify(envelope);
  };

  const unwrapWithPassword = async (envelope: PasswordWrappedKey, password: string) => {
    const key = await wrappingKey(password, fromBase64(envelope.salt), envelope.iterations);
    try {
      const raw = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: fromBase64(envelope.iv), additionalData: context },
        key,
        fromBase64(envelope.wrapped),
      );
      return new Uint8Array(raw);
    } catch {
      return null;
    }
  };

  // A new data key, saved wrapped before it is used: no record is sealed with a lost key.
  const makeKey = async (password: string | undefined): Promise<Result<DataKey>> => {
    const raw = await exportDataKey(await generateDataKey());
    const stored = needsPassword ? await wrapWithPassword(raw, password ?? '') : toBase64(raw);
    const saved = await platform.setSecret(secret, stored);
    if (!saved.ok) return secretFailed(saved.error);
    return ok(await importDataKey(raw));
  };

  const unlock: StoreKeyHolder['unlock'] = async (password, unlockOptions = {}) => {
    if (!isEncrypted) return ok({ replaced: false });
    if (needsPassword && (password === undefined || password === '')) return wrongPassword();
    const read = await platform.getSecret(secret);
    if (!read.ok) return secretFailed(read.error);
    let raw: Uint8Array<ArrayBuffer> | null = null;
    if (read.value !== null && needsPassword) {
      let envelope: unknown = null;
      try {
        envelope = JSON.parse(read.value);
      } catch {
        envelope = null;
      }
      if (isWrappedKey(envelope)) {
        raw = await unwrapWithPassword(envelope, password ?? '');
        if (raw === null && unlockOptions.replaceUnreadable !== true) return wrongPassword();
      } else if (unlockOptions.replaceUnreadable !== true) return unreadable();
    } else if (read.value !== null) {
      try {
        raw = fromBase64(read.value);
      } catch {
        raw = null;
      }
      if ((raw === null || raw.length !== 32) && unlockOptions.replaceUnreadable !== true)
        return unreadable();
    }
    if (raw !== null && raw.length === 32) {
      held = await importDataKey(raw);
      return ok({ replaced: false });
    }
    const made = await makeKey(password);
    if (!made.ok) return made;
    held = made.value;
    return ok({ replaced: read.value !== null });
  };

  return {
    isEncrypted,
    needsPassword,
    current: () => held,
    unlock,
    lock: () => {
      held = null;
    },
    forget: async () => {
      held = null;
      const removed = await platform.deleteSecret(secret);
      return removed.ok ? ok(undefined) : secretFailed(removed.error);
    },
  };
};
