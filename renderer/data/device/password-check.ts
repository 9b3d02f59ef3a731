// The seller's password, checked on the device so the app lock opens offline. Only a salted
// slow hash (PBKDF2-SHA-256 through WebCrypto, OWASP's 600 000 iterations) is kept, among the
// platform's secrets; the password itself never is.
import type { Platform } from '../../../shared/platform';

export const PASSWORD_CHECK_KEY = 'fairlead.lock.password-check';
export const PASSWORD_ITERATIONS = 600_000;

type PasswordCheck = { v: 1; iterations: number; salt: string; hash: string };

export type PasswordVerdict = 'correct' | 'wrong' | 'unknown';

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

const derive = async (
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> => {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
};

// Every byte compared, so the time taken says nothing about where they differ.
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
};

const parse = (raw: string): PasswordCheck | null => {
  try {
    const value = JSON.parse(raw) as Partial<PasswordCheck>;
    return value.v === 1 &&
      typeof value.iterations === 'number' &&
      typeof value.salt === 'string' &&
      typeof value.hash === 'string'
      ? (value as PasswordCheck)
      : null;
  } catch {
    return null;
  }
};

/** Keeps the salted hash of the password just accepted by the server; false if it could not. */
export const rememberPassword = async (
  platform: Pick<Platform, 'setSecret'>,
  password: string,
  iterations = PASSWORD_ITERATIONS,
): Promise<boolean> => {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, iterations);
  const check: PasswordCheck = { v: 1, iterations, salt: toBase64(salt), hash: toBase64(hash) };
  return (await platform.setSecret(PASSWORD_CHECK_KEY, JSON.stringify(check))).ok;
};

/** Whether the device can check the password offline (it keeps a hash from the sign-in). */
export const canCheckPassword = async (platform: Pick<Platform, 'getSecret'>): Promise<boolean> => {
  const raw = await platform.getSecret(PASSWORD_CHECK_KEY);
  return raw.ok && raw.value !== null && parse(raw.value) !== null;
};

/** 'unknown' when the device keeps no hash (a session signed in before the app lock). */
export const checkPassword = async (
  platform: Pick<Platform, 'getSecret'>,
  password: string,
): Promise<PasswordVerdict> => {
  const raw = await platform.getSecret(PASSWORD_CHECK_KEY);
  const check = raw.ok && raw.value !== null ? parse(raw.value) : null;
  if (check === null) return 'unknown';
  const hash = await derive(password, fromBase64(check.salt), check.iterations);
  return sameBytes(hash, fromBase64(check.hash)) ? 'correct' : 'wrong';
};
