// The office administration API (/api/admin/…) over fetch. Online only: the office works
// at its desk; every answer is a Result whose error is the server's plain words.
import type { z } from 'zod';
import type { Company } from '../../../shared/domain/company';
import type { LocalizedText, Result } from '../../../shared/domain/errors';
import { fail, ok } from '../../../shared/domain/errors';
import type {
  CatalogImportRefusal,
  CatalogImportResult,
  CurrencyRequest,
  ExchangeRateRequest,
  NewUserRequest,
  PriceChangeRequest,
  VatRateRequest,
} from '../../../shared/office/admin-api';
import { catalogImportRefusalSchema } from '../../../shared/sync/api-admin';
import type { ApiEndpoint } from '../../../shared/sync/api-endpoints';
import { adminEndpoints as api } from '../../../shared/sync/api-endpoints';
import { errorBodyOf, unreadableAnswer } from '../sync/answers';
import type { FetchLike } from '../sync/client';
import { csrfCookie, csrfHeader, readCookie, safeMethods, sessionModeFor } from '../sync/client';

export type OfficeAdminOptions = {
  serverUrl: string;
  getToken: () => Promise<string | null> | string | null;
  fetch?: FetchLike;
};

/** An import either happened or names each wrong line; nothing is half imported. */
export type CatalogImportOutcome =
  | ({ imported: true } & CatalogImportResult)
  | { imported: false; messages: LocalizedText; lines: CatalogImportRefusal['lines'] };

export type OfficeAdminClient = ReturnType<typeof createOfficeAdminClient>;

export const createOfficeAdminClient = (options: OfficeAdminOptions) => {
  const base = options.serverUrl.replace(/\/+$/, '');
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const cookieSession = sessionModeFor(base) === 'cookie';

  /** The answer's JSON when 2xx; the refusal's body otherwise (status 0: unreachable). */
  const send = async (
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: unknown }> => {
    const headers = new Headers();
    const token = await options.getToken();
    if (token !== null && token !== '') headers.set('authorization', `Bearer ${token}`);
    // The browser build's session is its cookie: a state change also carries the CSRF token.
    const csrf = cookieSession && !safeMethods.has(method) ? readCookie(csrfCookie) : null;
    if (csrf !== null) headers.set(csrfHeader, csrf);
    if (body !== undefined) headers.set('content-type', 'application/json');
    try {
      const res = await doFetch(`${base}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json().catch(() => null)) as unknown };
    } catch {
      return { status: 0, body: null };
    }
  };

  type Answering = ApiEndpoint & { response: z.ZodType };
  type AnswerOf<E extends Answering> = z.output<E['response']>;

  /** The endpoint's answer, checked against its response schema; a malformed one fails. */
  const call = async <E extends Answering>(
    endpoint: E,
    path: string,
    body?: unknown,
  ): Promise<Result<AnswerOf<E>>> => {
    const { status, body: answer } = await send(endpoint.method, path, body);
    if (status >= 200 && status < 300) return answerOf(endpoint, answer);
    return resultOf(status, answer);
  };

  const answerOf = <E extends Answering>(endpoint: E, answer: unknown): Result<AnswerOf<E>> => {
    const checked = endpoint.response.safeParse(answer);
    if (checked.success) return ok(checked.data as AnswerOf<E>);
    return {
      ok: false,
      error: {
        code: 'bad_answer',
        message: unreadableAnswer(endpoint, checked.error.issues[0] ?? null),
      },
    };
  };

  const resultOf = (status: number, answer: unknown): Result<never> => {
    if (status === 0)
      return fail(
        'network',
        'The office server cannot be reached: administration needs a connection.',
        "Il server della sede non è raggiungibile: l'amministrazione richiede una connessione.",
      );
    const { code = 'internal', messages } = errorBodyOf(answer);
    if (messages !== undefined) return { ok: false, error: { code, message: messages } };
    return fail(code, `The server answered ${status}.`, `Il server ha risposto ${status}.`);
  };

  const id = encodeURIComponent;

  return {
    users: () => call(api.users, '/api/admin/users'),
    addUser: (input: NewUserRequest) => call(api.addUser, '/api/admin/users', input),
    setRole: (userId: string, role: string) =>
      call(api.setRole, `/api/admin/users/${id(userId)}/role`, { role }),
    setTeam: (userId: string, team: string | null) =>
      call(api.setTeam, `/api/admin/users/${id(userId)}/team`, { team }),
    resetPassword: (userId: string, password: string) =>
      call(api.resetPassword, `/api/admin/users/${id(userId)}/password`, { password }),
    setDisabled: (userId: string, disabled: boolean) =>
      call(api.setDisabled, `/api/admin/users/${id(userId)}/disabled`, { disabled }),
    teams: () => call(api.teams, '/api/admin/teams'),
    addTeam: (name: string) => call(api.addTeam, '/api/admin/teams', { name }),
    disableTeam: (name: string) => call(api.disableTeam, '/api/admin/teams/disable', { name }),
    devices: () => call(api.devices, '/api/admin/devices'),
    revokeDevice: (deviceId: string) =>
      call(api.revokeDevice, `/api/admin/devices/${id(deviceId)}/revoke`, {}),
    catalog: () => call(api.catalog, '/api/admin/catalog'),
    setPrice: (change: PriceChangeRequest) =>
      call(api.setPrice, '/api/admin/catalog/prices', change),
    importCatalog: async (csv: string): Promise<Result<CatalogImportOutcome>> => {
      const { status, body } = await send('POST', '/api/admin/catalog/import', { csv });
      const refusal = catalogImportRefusalSchema.safeParse(body);
      if (status === 400 && refusal.success)
        return ok({ imported: false, messages: refusal.data.messages, lines: refusal.data.lines });
      if (status !== 200) return resultOf(status, body);
      const imported = answerOf(api.importCatalog, body);
      return imported.ok ? ok({ imported: true, ...imported.value }) : imported;
    },
    refdata: () => call(api.refdata, '/api/admin/refdata'),
    setCurrency: (code: string, input: CurrencyRequest) =>
      call(api.setCurrency, `/api/admin/currencies/${id(code)}`, input),
    setExchangeRate: (code: string, input: ExchangeRateRequest) =>
      call(api.setExchangeRate, `/api/admin/exchange-rates/${id(code)}`, input),
    setVatRate: (rate: number, input: VatRateRequest) =>
      call(api.setVatRate, `/api/admin/vat-rates/${rate}`, input),
    company: () => call(api.company, '/api/admin/company'),
    setCompany: (company: Company) => call(api.setCompany, '/api/admin/company', company),
    /** The newest entries, or with `before` (an entry's id) the page older than it. */
    audit: (before?: string) =>
      call(
        api.audit,
        before === undefined
          ? '/api/admin/audit'
          : `/api/admin/audit?before=${encodeURIComponent(before)}`,
      ),
  };
};
