// Signing in and out on the device. The first sign-in needs the server; afterwards the app
// opens offline with the cached session. The token lives behind the Platform interface
// (OS keyring in the desktop app, the browser's storage in the browser build).
import type { LocalizedText } from '../../../shared/domain/errors';
import type { Platform } from '../../../shared/platform';
import type { LoginResponse, SessionUser } from '../../../shared/sync/protocol';
import type { FairleadDatabase } from '../database';
import type { FetchLike } from './client';
import { createSyncClient, SyncHttpError } from './client';
import type { SyncStatus } from './status';

export const TOKEN_KEY = 'fairlead.session.token';
export const SESSION_KEY = 'fairlead.session';
const LOCAL_ID = 'fairlead-session';

/** What the device remembers of a sign-in (the token is kept apart, as a secret). */
export type DeviceSession = {
  serverUrl: string;
  user: SessionUser;
  device: LoginResponse['device'];
  expiresAt: string;
  signedInAt: string;
  /** When the token was last renewed (refreshSession); absent before the first renewal. */
  refreshedAt?: string;
  /** `cookie`: the browser build, whose token is an HttpOnly cookie the page never sees. */
  transport?: 'cookie';
};

export type SessionError = {
  code:
    | 'bad_credentials'
    | 'unreachable'
    | 'rate_limited'
    | 'secret_storage'
    | 'server_error'
    | 'invalid_name';
  message: LocalizedText;
};

export type SessionResult<T> = { ok: true; value: T } | { ok: false; error: SessionError };

const failure = (code: SessionError['code'], en: string, it: string): SessionResult<never> => ({
  ok: false,
  error: { code, message: { en, it } },
});

export type SignInInput = {
  serverUrl: string;
  email: string;
  password: string;
  deviceName: string;
  /** This device's installation id (see installation.ts); old servers ignore it. */
  installationId?: string;
  fetch?: FetchLike;
  now?: () => string;
};

/** The device id this installation had on the same server, from its cached session. */
const knownDeviceId = async (
  platform: Platform,
  serverUrl: string,
): Promise<string | undefined> => {
  const raw = await platform.getSecret(SESSION_KEY);
  if (!raw.ok || raw.value === null) return undefined;
  try {
    const earlier = JSON.parse(raw.value) as Partial<DeviceSession>;
    return earlier.serverUrl === serverUrl && typeof earlier.device?.id === 'string'
      ? earlier.device.id
      : undefined;
  } catch {
    return undefined;
  }
};

/** Signs in against the server and keeps the token and the session on the device. */
export const signIn = async (
  platform: Platform,
  input: SignInInput,
): Promise<SessionResult<DeviceSession>> => {
  const client = createSyncClient({
    serverUrl: input.serverUrl,
    getToken: () => null,
    fetch: input.fetch,
  });
  let res: LoginResponse;
  try {
    // An installation registered before installation ids keeps its series: the server
    // adopts the device id it remembers.
    const known =
      input.installationId === undefined
        ? undefined
        : await knownDeviceId(platform, input.serverUrl);
    res = await client.login({
      email: input.email,
      password: input.password,
      deviceName: input.deviceName,
      ...(input.installationId === undefined ? {} : { installationId: input.installationId }),
      ...(known === undefined ? {} : { knownDeviceId: known }),
    });
  } catch (error) {
    // The server's own words (both languages) when it sent them, else the device's.
    // …or, for an answer it could not read, the device's words naming what was wrong.
    const said =
      error instanceof SyncHttpError && (error.fromServer || error.code === 'bad_answer')
        ? error.messages
        : null;
    const refusal = (code: SessionError['code'], en: string, it: string): SessionResult<never> =>
      said === null ? failure(code, en, it) : { ok: false, error: { code, message: said } };
    if (error instanceof SyncHttpError && error.status === 401) {
      return refusal(
        'bad_credentials',
        'The email or password is not correct.',
        "L'email o la password non sono corrette.",
      );
    }
    if (error instanceof SyncHttpError && error.status === 429) {
      return refusal(
        'rate_limited',
        'Too many attempts. Please wait a minute and try again.',
        'Troppi tentativi. Attendi un minuto e riprova.',
      );
    }
    if (error instanceof SyncHttpError && error.code === 'network') {
      return failure(
        'unreachable',
        'The first sign-in needs a connection to the office server.',
        'Il primo accesso richiede la connessione al server della sede.',
      );
    }
    return refusal(
      'server_error',
      'The server could not sign you in. Please try again later.',
      'Il server non ha potuto completare l’accesso. Riprova più tardi.',
    );
  }
  // A cookie session answers no token: nothing secret is stored by the page.
  const cookie = res.token === '';
  const session: DeviceSession = {
    serverUrl: input.serverUrl,
    user: res.user,
    device: res.device,
    expiresAt: res.expiresAt,
    signedInAt: (input.now ?? (() => new Date().toISOString()))(),
    ...(cookie ? { transport: 'cookie' as const } : {}),
  };
  const token = cookie
    ? await platform.deleteSecret(TOKEN_KEY)
    : await platform.setSecret(TOKEN_KEY, res.token);
  const saved = await platform.setSecret(SESSION_KEY, JSON.stringify(session));
  if (!token.ok || !saved.ok) {
    return failure(
      'secret_storage',
      'The session could not be stored safely on this device.',
      'Non è stato possibile salvare la sessione in modo sicuro su questo dispositivo.',
    );
  }
  return { ok: true, value: session };
};

/**
 * Renames this device on the server (its label only: the series stays) and in the cached
 * session. Needs the server; the name shown elsewhere follows at once.
 */
export const renameDevice = async (
  platform: Platform,
  session: DeviceSession,
  name: string,
  options: { fetch?: FetchLike; onDeviceRevoked?: (messages: LocalizedText) => void } = {},
): Promise<SessionResult<DeviceSession>> => {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 100 || /\p{Cc}/u.test(trimmed)) {
    return failure(
      'invalid_name',
      'Enter a device name of 1 to 100 characters.',
      'Inserisci un nome del dispositivo da 1 a 100 caratteri.',
    );
  }
  const client = createSyncClient({
    serverUrl: session.serverUrl,
    getToken: tokenGetter(platform),
    fetch: options.fetch,
    onDeviceRevoked: options.onDeviceRevoked,
  });
  try {
    const renamed = await client.renameDevice({ name: trimmed });
    const next: DeviceSession = { ...session, device: { ...session.device, name: renamed.name } };
    const saved = await platform.setSecret(SESSION_KEY, JSON.stringify(next));
    if (!saved.ok) {
      return failure(
        'secret_storage',
        'The new name could not be stored on this device.',
        'Non è stato possibile salvare il nuovo nome su questo dispositivo.',
      );
    }
    return { ok: true, value: next };
  } catch (error) {
    if (error instanceof SyncHttpError && error.code === 'network') {
      return failure(
        'unreachable',
        'Renaming the device needs a connection to the office server.',
        'Per rinominare il dispositivo serve la connessione al server della sede.',
      );
    }
    if (error instanceof SyncHttpError && error.status === 401) {
      return failure(
        'bad_credentials',
        'Please sign in again to rename the device.',
        'Accedi di nuovo per rinominare il dispositivo.',
      );
    }
    return failure(
      'server_error',
      'The server could not rename the device. Please try again later.',
      'Il server non ha potuto rinominare il dispositivo. Riprova più tardi.',
    );
  }
};

/** Whether less than half of the token's life is left: then the device renews it. */
export const refreshDue = (session: DeviceSession, now: string): boolean => {
  const from = Date.parse(session.refreshedAt ?? session.signedInAt);
  const until = Date.parse(session.expiresAt);
  if (Number.isNaN(from) || Number.isNaN(until)) return true;
  return Date.parse(now) >= from + (until - from) / 2;
};

/**
 * Renews the token while it is valid, without the password (the server computes no hash),
 * once half its life has passed; otherwise, offline, or against an older server that has no
 * renewal, the session stays as it is. A token that expired needs a new sign-in.
 */
export const refreshSession = async (
  platform: Platform,
  session: DeviceSession,
  options: { fetch?: FetchLike; now?: () => string } = {},
): Promise<DeviceSession> => {
  const now = (options.now ?? (() => new Date().toISOString()))();
  // A cookie session's token never reaches the page (nor may a renewed one): it lasts until
  // its expiry and the seller then signs in again.
  if (session.transport === 'cookie' || !refreshDue(session, now)) return session;
  const client = createSyncClient({
    serverUrl: session.serverUrl,
    getToken: tokenGetter(platform),
    fetch: options.fetch,
  });
  let renewed: { token: string; expiresAt: string };
  try {
    renewed = await client.refresh();
  } catch {
    return session;
  }
  const next: DeviceSession = { ...session, expiresAt: renewed.expiresAt, refreshedAt: now };
  // The token first: a session saved without its token would name an expiry it lacks.
  const token = await platform.setSecret(TOKEN_KEY, renewed.token);
  if (!token.ok) return session;
  const saved = await platform.setSecret(SESSION_KEY, JSON.stringify(next));
  return saved.ok ? next : session;
};

/** The cached session, for opening the app offline; null when nobody is signed in. */
export const restoreSession = async (platform: Platform): Promise<DeviceSession | null> => {
  const token = await platform.getSecret(TOKEN_KEY);
  const raw = await platform.getSecret(SESSION_KEY);
  if (!token.ok || !raw.ok || raw.value === null) return null;
  try {
    const session = JSON.parse(raw.value) as DeviceSession;
    return token.value !== null || session.transport === 'cookie' ? session : null;
  } catch {
    return null;
  }
};

/** The token getter replication needs. */
export const tokenGetter = (platform: Platform) => async (): Promise<string | null> => {
  const token = await platform.getSecret(TOKEN_KEY);
  return token.ok ? token.value : null;
};

/** Keeps the session (user, device series) in the user's store as well. */
export const rememberSession = async (
  db: FairleadDatabase,
  session: DeviceSession,
): Promise<void> => {
  await db.upsertLocal<DeviceSession>(LOCAL_ID, session);
};

export const sessionInDatabase = async (db: FairleadDatabase): Promise<DeviceSession | null> =>
  (await db.getLocal<DeviceSession>(LOCAL_ID))?.toJSON().data ?? null;

export type SignOutRefusal = {
  code: 'unsynced_changes';
  pending: number;
  rejected: number;
  message: LocalizedText;
};

/**
 * Signs out: forgets the token and the session. Refuses while changes wait to be pushed
 * or refused changes are listed, unless `force` (the person confirmed losing them).
 * Telling the server is best effort: offline, the token just expires there.
 */
export const signOut = async (
  platform: Platform,
  options: {
    status: Pick<SyncStatus, 'pending' | 'rejected'>;
    force?: boolean;
    serverUrl?: string;
    fetch?: FetchLike;
  },
): Promise<{ ok: true } | { ok: false; error: SignOutRefusal }> => {
  const { pending, rejected } = options.status;
  if ((pending > 0 || rejected.length > 0) && options.force !== true) {
    return {
      ok: false,
      error: {
        code: 'unsynced_changes',
        pending,
        rejected: rejected.length,
        message: {
          en: `${pending === 1 ? '1 change has' : `${pending} changes have`} not reached the office yet and ${rejected.length} ${rejected.length === 1 ? 'was' : 'were'} refused. Signing out now would lose them.`,
          it: `${pending === 1 ? '1 modifica non è ancora arrivata' : `${pending} modifiche non sono ancora arrivate`} in sede e ${rejected.length} ${rejected.length === 1 ? 'è stata rifiutata' : 'sono state rifiutate'}. Uscendo ora andrebbero perse.`,
        },
      },
    };
  }
  if (options.serverUrl !== undefined) {
    const client = createSyncClient({
      serverUrl: options.serverUrl,
      getToken: tokenGetter(platform),
      fetch: options.fetch,
    });
    await client.logout().catch(() => undefined);
  }
  await platform.deleteSecret(TOKEN_KEY);
  await platform.deleteSecret(SESSION_KEY);
  return { ok: true };
};
