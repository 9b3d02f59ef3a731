// Typed HTTP client for the sync API of DESIGN.md §4, over fetch. The live stream is read
// with a fetch-based Server-Sent Events parser: it runs in browsers and in Node, and unlike
// EventSource it can send the Authorization header.
import type { z } from 'zod';
import type { LocalizedText } from '../../../shared/domain/errors';
import { syncEndpoints as api } from '../../../shared/sync/api-endpoints';
import type { ApiEndpoint } from '../../../shared/sync/api-endpoints';
import { pullAnswerSchema } from '../../../shared/sync/api-schemas';
import type {
  ApiErrorCode,
  Checkpoint,
  DeviceInfo,
  DeviceRenameRequest,
  LoginRequest,
  LoginResponse,
  PullResponse,
  PushResponse,
  PushRow,
  RefreshResponse,
  StreamEvent,
  SyncCollection,
} from '../../../shared/sync/protocol';
import { errorBodyOf, unreadableAnswer } from './answers';
import type { ErrorBody } from './answers';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * A failed request: `status` 0 means the server could not be reached at all. `messages` is
 * the reason in each UI language (the server's, or the device's own for network failures).
 */
export class SyncHttpError extends Error {
  readonly status: number;
  /** `bad_answer`: the server answered, but not in the shape of the API (api-endpoints.ts). */
  readonly code: ApiErrorCode | 'network' | 'bad_answer';
  readonly messages: LocalizedText;
  /** The server said why in each language (false: the device's own words, or a guess). */
  readonly fromServer: boolean;

  constructor(
    status: number,
    code: ApiErrorCode | 'network' | 'bad_answer',
    messages: LocalizedText,
    fromServer = false,
  ) {
    super(messages.en);
    this.name = 'SyncHttpError';
    this.status = status;
    this.code = code;
    this.messages = messages;
    this.fromServer = fromServer;
  }
}

const unreachable: LocalizedText = {
  en: 'The server cannot be reached.',
  it: 'Il server non è raggiungibile.',
};

/** The reason of a refused request; servers that predate `messages` sent English only. */
const reasonOf = (status: number, body: ErrorBody): LocalizedText => {
  if (body.messages !== undefined) return body.messages;
  return {
    en: typeof body.message === 'string' ? body.message : `The server answered ${status}.`,
    it: `Il server ha rifiutato la richiesta (${status}).`,
  };
};

export const isNetworkError = (error: unknown): boolean =>
  error instanceof SyncHttpError && error.code === 'network';

export type SyncClientOptions = {
  serverUrl: string;
  getToken: () => Promise<string | null> | string | null;
  fetch?: FetchLike;
  /** Called when the server answers that the office revoked this device (401 device_revoked). */
  onDeviceRevoked?: (messages: LocalizedText) => void;
  /**
   * `cookie`: the browser build on the server's own origin, whose session is an HttpOnly
   * cookie (server/src/auth/cookie-session.ts). Absent: chosen from where the page runs.
   */
  session?: 'bearer' | 'cookie';
  /** Sent on pulls and pushes: the device's health for the office (app version, refused). */
  healthHeaders?: () => Record<string, string>;
};

export const csrfCookie = 'fairlead_csrf';
export const csrfHeader = 'x-fairlead-csrf';

// The client also runs in Node (tests, workers), where there is no page.
type PageGlobals = {
  document?: { cookie: string };
  location?: { protocol: string; href: string; origin: string };
};
const page = globalThis as PageGlobals;

/** A page served by the sync server's own origin keeps its session in a cookie. */
export const sessionModeFor = (serverUrl: string): 'bearer' | 'cookie' => {
  const where = page.location;
  if (page.document === undefined || where === undefined) return 'bearer';
  if (where.protocol !== 'http:' && where.protocol !== 'https:') return 'bearer';
  try {
    return new URL(serverUrl, where.href).origin === where.origin ? 'cookie' : 'bearer';
  } catch {
    return 'bearer';
  }
};

export const readCookie = (name: string): string | null => {
  for (const part of (page.document?.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
};

export const safeMethods: ReadonlySet<string> = new Set(['GET', 'HEAD']);

export type SyncClient = ReturnType<typeof createSyncClient>;

export const createSyncClient = (options: SyncClientOptions) => {
  const base = options.serverUrl.replace(/\/+$/, '');
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const cookieSession = (options.session ?? sessionModeFor(base)) === 'cookie';

  const request = async (path: string, init: RequestInit = {}, auth = true): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (auth) {
      const token = await options.getToken();
      if (token !== null && token !== '') headers.set('authorization', `Bearer ${token}`);
    }
    if (cookieSession) {
      // The cookie goes by itself; a state change must also prove it comes from this page.
      if (path === '/api/auth/login') headers.set('x-fairlead-session', 'cookie');
      const csrf = readCookie(csrfCookie);
      if (!safeMethods.has(init.method ?? 'GET') && csrf !== null) headers.set(csrfHeader, csrf);
    }
    if (init.body !== undefined) headers.set('content-type', 'application/json');
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { ...init, headers });
    } catch (error) {
      if (init.signal?.aborted === true) throw error;
      throw new SyncHttpError(0, 'network', unreachable);
    }
    if (!response.ok) {
      let body: ErrorBody = {};
      try {
        body = errorBodyOf(await response.json());
      } catch {
        // Not JSON (a proxy's error page): the status says enough.
      }
      const messages = reasonOf(response.status, body);
      // Any authenticated call may carry it: the wipe must not wait for one particular route.
      if (auth && response.status === 401 && body.code === 'device_revoked') {
        options.onDeviceRevoked?.(messages);
      }
      throw new SyncHttpError(
        response.status,
        body.code ?? (response.status === 401 ? 'unauthorized' : 'internal'),
        messages,
        body.messages !== undefined,
      );
    }
    return response;
  };

  /**
   * The answer, checked against the endpoint's response schema: a malformed one is a sync
   * error in plain words, never a crash later on a missing field. The answer is returned as
   * sent (the check keeps no parsed copy), so documents reach the store unchanged.
   */
  const json = async <E extends ApiEndpoint & { response: z.ZodType }>(
    endpoint: E,
    path: string,
    init?: RequestInit,
    auth?: boolean,
  ): Promise<z.output<E['response']>> => {
    const response = await request(path, init, auth);
    let answer: unknown;
    try {
      answer = await response.json();
    } catch {
      throw new SyncHttpError(response.status, 'bad_answer', unreadableAnswer(endpoint, null));
    }
    const checked = endpoint.response.safeParse(answer);
    if (!checked.success) {
      const issue = checked.error.issues[0] ?? null;
      throw new SyncHttpError(response.status, 'bad_answer', unreadableAnswer(endpoint, issue));
    }
    return answer as z.output<E['response']>;
  };

  return {
    login: (body: LoginRequest): Promise<LoginResponse> =>
      json(api.login, '/api/auth/login', { method: 'POST', body: JSON.stringify(body) }, false),

    /** A fresh token for this session, without the password (older servers answer 404). */
    refresh: (): Promise<RefreshResponse> =>
      json(api.refresh, '/api/auth/refresh', { method: 'POST', body: '{}' }),

    /** Renames the device of this session; its series stays. */
    renameDevice: (body: DeviceRenameRequest): Promise<DeviceInfo> =>
      json(api.renameDevice, '/api/devices/current', {
        method: 'PUT',
        body: JSON.stringify(body),
      }),

    logout: async (): Promise<void> => {
      await request('/api/auth/logout', { method: 'POST', body: '{}' });
    },

    pull: (
      collection: SyncCollection,
      checkpoint: Checkpoint | null | undefined,
      limit: number,
    ): Promise<PullResponse> => {
      const query = new URLSearchParams({ limit: String(limit) });
      if (checkpoint) query.set('checkpoint', JSON.stringify(checkpoint));
      // Each document's envelope is checked; the server checked the record.
      return json(
        { ...api.pull, response: pullAnswerSchema },
        `/api/sync/${collection}/pull?${query.toString()}`,
        {
          headers: options.healthHeaders?.() ?? {},
        },
      ) as Promise<PullResponse>;
    },

    /** With `epoch`, the server refuses (epoch_changed) if it now follows another history. */
    push: (
      collection: SyncCollection,
      rows: PushRow[],
      epoch?: string | null,
    ): Promise<PushResponse> =>
      json(api.push, `/api/sync/${collection}/push`, {
        method: 'POST',
        body: JSON.stringify(rows),
        headers: {
          ...options.healthHeaders?.(),
          ...(epoch ? { 'x-fairlead-epoch': epoch } : {}),
        },
      }) as Promise<PushResponse>,

    /** True when the server answers /health; never throws. */
    health: async (signal?: AbortSignal): Promise<boolean> => {
      try {
        await request('/health', signal ? { signal } : {}, false);
        return true;
      } catch {
        return false;
      }
    },

    /**
     * Reads the live stream until it ends, the signal aborts or the connection fails
     * (then it throws). `onOpen` runs once the server accepted the stream.
     */
    stream: async (
      onEvent: (event: StreamEvent) => void,
      signal: AbortSignal,
      onOpen?: () => void,
    ): Promise<void> => {
      const response = await request('/api/sync/stream', {
        signal,
        headers: { accept: 'text/event-stream' },
      });
      if (response.body === null) throw new SyncHttpError(0, 'network', unreachable);
      onOpen?.();
      await readServerSentEvents(response.body, (data) => {
        // A malformed event is skipped; the next RESYNC catches up anyway.
        const event = eventOf(data);
        if (event !== null) onEvent(event);
      });
    },
  };
};

const eventOf = (data: string): StreamEvent | null => {
  try {
    const checked = api.stream.response.safeParse(JSON.parse(data));
    return checked.success ? checked.data : null;
  } catch {
    return null;
  }
};

/** Parses a text/event-stream body and calls `onData` with each event's data. */
export const readServerSentEvents = async (
  body: ReadableStream<Uint8Array>,
  onData: (data: string) => void,
): Promise<void> => {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  const line = (raw: string): void => {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text === '') {
      if (data.length > 0) onData(data.join('\n'));
      data = [];
    } else if (text.startsWith('data:')) {
      data.push(text.slice(5).replace(/^ /, ''));
    } // comments (": heartbeat") and other fields are ignored
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let at = buffer.indexOf('\n');
      while (at >= 0) {
        line(buffer.slice(0, at));
        buffer = buffer.slice(at + 1);
        at = buffer.indexOf('\n');
      }
    }
  } finally {
    reader.releaseLock();
  }
};
