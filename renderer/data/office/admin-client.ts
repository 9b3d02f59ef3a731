// The office administration API (/api/admin/…) over fetch. Online only: the office works
// at its desk; every answer is a Result whose error is the server's plain words.
import type { Company } from '../../../shared/domain/company';
import type { LocalizedText, Result } from '../../../shared/domain/errors';
import { fail, ok } from '../../../shared/domain/errors';
import type { PriceList, Refdata } from '../../../shared/domain/records';
import type {
  AdminCatalog,
  AdminDevice,
  AdminRefdata,
  AdminTeam,
  AdminUser,
  AuditEntryView,
  CatalogImportRefusal,
  CatalogImportResult,
  CurrencyRequest,
  ExchangeRateRequest,
  NewUserRequest,
  PriceChangeRequest,
  VatRateRequest,
} from '../../../shared/office/admin-api';
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

const isText = (v: unknown): v is LocalizedText =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as LocalizedText).en === 'string' &&
  typeof (v as LocalizedText).it === 'string';

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

  const call = async <T>(method: string, path: string, body?: unknown): Promise<Result<T>> => {
    const { status, body: answer } = await send(method, path, body);
    return resultOf<T>(status, answer);
  };

  const resultOf = <T>(status: number, answer: unknown): Result<T> => {
    if (status >= 200 && status < 300) return ok(answer as T);
    if (status === 0)
      return fail(
        'network',
        'The office server cannot be reached: administration needs a connection.',
        "Il server della sede non è raggiungibile: l'amministrazione richiede una connessione.",
      );
    const messages = (answer as { messages?: unknown } | null)?.messages;
    const code = String((answer as { code?: unknown } | null)?.code ?? 'internal');
    if (isText(messages)) return { ok: false, error: { code, message: messages } };
    return fail(code, `The server answered ${status}.`, `Il server ha risposto ${status}.`);
  };

  const put = <T>(path: string, body: unknown) => call<T>('PUT', path, body);
  const post = <T>(path: string, body: unknown) => call<T>('POST', path, body);
  const id = encodeURIComponent;

  return {
    users: () => call<AdminUser[]>('GET', '/api/admin/users'),
    addUser: (input: NewUserRequest) => post<AdminUser>('/api/admin/users', input),
    setRole: (userId: string, role: string) => put(`/api/admin/users/${id(userId)}/role`, { role }),
    setTeam: (userId: string, team: string | null) =>
      put(`/api/admin/users/${id(userId)}/team`, { team }),
    resetPassword: (userId: string, password: string) =>
      put(`/api/admin/users/${id(userId)}/password`, { password }),
    setDisabled: (userId: string, disabled: boolean) =>
      put(`/api/admin/users/${id(userId)}/disabled`, { disabled }),
    teams: () => call<AdminTeam[]>('GET', '/api/admin/teams'),
    addTeam: (name: string) => post<AdminTeam>('/api/admin/teams', { name }),
    disableTeam: (name: string) =>
      post<{ disabledMembers: number }>('/api/admin/teams/disable', { name }),
    devices: () => call<AdminDevice[]>('GET', '/api/admin/devices'),
    revokeDevice: (deviceId: string) =>
      post<AdminDevice>(`/api/admin/devices/${id(deviceId)}/revoke`, {}),
    catalog: () => call<AdminCatalog>('GET', '/api/admin/catalog'),
    setPrice: (change: PriceChangeRequest) => put<PriceList>('/api/admin/catalog/prices', change),
    importCatalog: async (csv: string): Promise<Result<CatalogImportOutcome>> => {
      const { status, body } = await send('POST', '/api/admin/catalog/import', { csv });
      const refusal = body as Partial<CatalogImportRefusal> | null;
      if (status === 400 && Array.isArray(refusal?.lines) && isText(refusal.messages))
        return ok({ imported: false, messages: refusal.messages, lines: refusal.lines });
      if (status === 200) return ok({ imported: true, ...(body as CatalogImportResult) });
      return resultOf<never>(status, body);
    },
    refdata: () => call<AdminRefdata>('GET', '/api/admin/refdata'),
    setCurrency: (code: string, input: CurrencyRequest) =>
      put<Refdata>(`/api/admin/currencies/${id(code)}`, input),
    setExchangeRate: (code: string, input: ExchangeRateRequest) =>
      put<Refdata>(`/api/admin/exchange-rates/${id(code)}`, input),
    setVatRate: (rate: number, input: VatRateRequest) =>
      put<Refdata>(`/api/admin/vat-rates/${rate}`, input),
    company: () => call<{ company: Company | null }>('GET', '/api/admin/company'),
    setCompany: (company: Company) => put<{ company: Company }>('/api/admin/company', company),
    /** The newest entries, or with `before` (an entry's id) the page older than it. */
    audit: (before?: string) =>
      call<AuditEntryView[]>(
        'GET',
        before === undefined
          ? '/api/admin/audit'
          : `/api/admin/audit?before=${encodeURIComponent(before)}`,
      ),
  };
};
