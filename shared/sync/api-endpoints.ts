// Every endpoint of the office server, once: the server registers its routes from this table
// (checking requests with its schemas), the device reads answers with its response schemas,
// and /api/openapi.json is generated from it.
import { z } from 'zod';
import { companySchema } from '../domain/company';
import * as a from './api-admin';
import * as s from './api-schemas';

export type ApiEndpoint = {
  method: 'GET' | 'POST' | 'PUT';
  /** Fastify's form: `:name` for a path parameter. */
  path: string;
  summary: string;
  /** Who may call it: anyone, a signed-in device, or an admin. */
  auth: 'none' | 'session' | 'admin';
  params?: z.ZodType;
  querystring?: z.ZodType;
  headers?: z.ZodType;
  body?: z.ZodType;
  /** The answer on success (JSON unless `produces` says otherwise). */
  response?: z.ZodType;
  /** The success status; 200 when absent. */
  status?: number;
  produces?: 'application/json' | 'text/event-stream' | 'text/html' | 'text/css' | 'text/csv';
  /** Error statuses it may answer, each with an ApiError body. */
  errors: readonly number[];
};

const endpoint = <const E extends ApiEndpoint>(e: E): E => e;
const admin = [400, 401, 403] as const;

export const syncEndpoints = {
  health: endpoint({
    method: 'GET',
    path: '/health',
    summary: 'Liveness and storage check',
    auth: 'none',
    response: s.healthResponseSchema,
    errors: [],
  }),
  openapi: endpoint({
    method: 'GET',
    path: '/api/openapi.json',
    summary: 'This description of the API',
    auth: 'none',
    response: z.record(z.string(), z.unknown()),
    errors: [],
  }),
  login: endpoint({
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Sign in and register the device; returns a token and the device numbering series',
    auth: 'none',
    body: s.loginRequestSchema,
    response: s.loginResponseSchema,
    errors: [400, 401, 429],
  }),
  logout: endpoint({
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'Revoke the current token',
    auth: 'session',
    response: s.okResponseSchema,
    errors: [401],
  }),
  me: endpoint({
    method: 'GET',
    path: '/api/auth/me',
    summary: 'The signed-in user',
    auth: 'session',
    response: s.sessionUserSchema,
    errors: [401],
  }),
  refresh: endpoint({
    method: 'POST',
    path: '/api/auth/refresh',
    summary: 'A fresh token with a new expiry for the signed-in device (no password)',
    auth: 'session',
    response: s.refreshResponseSchema,
    errors: [401],
  }),
  renameDevice: endpoint({
    method: 'PUT',
    path: '/api/devices/current',
    summary: 'Rename the device of this session (its series stays)',
    auth: 'session',
    body: s.deviceRenameRequestSchema,
    response: s.deviceInfoSchema,
    errors: [400, 401, 404],
  }),
  pull: endpoint({
    method: 'GET',
    path: '/api/sync/:collection/pull',
    summary: 'Documents changed after a checkpoint, in server sequence order',
    auth: 'session',
    params: s.collectionParamsSchema,
    querystring: s.pullQuerySchema,
    response: s.pullResponseSchema,
    errors: [400, 401, 404],
  }),
  push: endpoint({
    method: 'POST',
    path: '/api/sync/:collection/push',
    summary: 'Write documents; returns the master of each conflicting row and each rejected row',
    auth: 'session',
    params: s.collectionParamsSchema,
    headers: s.pushHeadersSchema,
    body: s.pushRequestSchema,
    response: s.pushResponseSchema,
    errors: [400, 401, 404, 409, 413],
  }),
  stream: endpoint({
    method: 'GET',
    path: '/api/sync/stream',
    summary: 'Server-Sent Events: {collection, checkpoint} whenever a visible collection changes',
    auth: 'session',
    response: s.streamEventSchema,
    produces: 'text/event-stream',
    errors: [401],
  }),
} as const;

export const adminEndpoints = {
  users: endpoint({
    method: 'GET',
    path: '/api/admin/users',
    summary: 'Every user with their team',
    auth: 'admin',
    response: z.array(a.adminUserSchema),
    errors: admin,
  }),
  addUser: endpoint({
    method: 'POST',
    path: '/api/admin/users',
    summary: 'Add a user',
    auth: 'admin',
    body: a.newUserRequestSchema,
    response: a.adminUserSchema,
    status: 201,
    errors: admin,
  }),
  setRole: endpoint({
    method: 'PUT',
    path: '/api/admin/users/:id/role',
    summary: "Change a user's role",
    auth: 'admin',
    params: a.idParamsSchema,
    body: a.roleRequestSchema,
    response: s.okResponseSchema,
    errors: admin,
  }),
  setTeam: endpoint({
    method: 'PUT',
    path: '/api/admin/users/:id/team',
    summary: "Change a user's team",
    auth: 'admin',
    params: a.idParamsSchema,
    body: a.teamRequestSchema,
    response: s.okResponseSchema,
    errors: admin,
  }),
  resetPassword: endpoint({
    method: 'PUT',
    path: '/api/admin/users/:id/password',
    summary: "Set a user's password",
    auth: 'admin',
    params: a.idParamsSchema,
    body: a.passwordRequestSchema,
    response: s.okResponseSchema,
    errors: admin,
  }),
  setDisabled: endpoint({
    method: 'PUT',
    path: '/api/admin/users/:id/disabled',
    summary: 'Disable (ending their sessions) or enable a user',
    auth: 'admin',
    params: a.idParamsSchema,
    body: a.disabledRequestSchema,
    response: s.okResponseSchema,
    errors: admin,
  }),
  teams: endpoint({
    method: 'GET',
    path: '/api/admin/teams',
    summary: 'Every team with its member counts',
    auth: 'admin',
    response: z.array(a.adminTeamSchema),
    errors: admin,
  }),
  addTeam: endpoint({
    method: 'POST',
    path: '/api/admin/teams',
    summary: 'Add a team',
    auth: 'admin',
    body: a.teamNameRequestSchema,
    response: a.adminTeamSchema,
    errors: admin,
  }),
  disableTeam: endpoint({
    method: 'POST',
    path: '/api/admin/teams/disable',
    summary: 'Disable every member of a team and end their sessions',
    auth: 'admin',
    body: a.teamNameRequestSchema,
    response: a.disabledMembersSchema,
    errors: admin,
  }),
  devices: endpoint({
    method: 'GET',
    path: '/api/admin/devices',
    summary: "Each user's devices and their sync health",
    auth: 'admin',
    response: z.array(a.adminDeviceSchema),
    errors: admin,
  }),
  revokeDevice: endpoint({
    method: 'POST',
    path: '/api/admin/devices/:id/revoke',
    summary: 'End a device’s sessions and retire its series; the device wipes its data',
    auth: 'admin',
    params: a.idParamsSchema,
    response: a.adminDeviceSchema,
    errors: admin,
  }),
  catalog: endpoint({
    method: 'GET',
    path: '/api/admin/catalog',
    summary: 'Products and price lists',
    auth: 'admin',
    response: a.adminCatalogSchema,
    errors: admin,
  }),
  setPrice: endpoint({
    method: 'PUT',
    path: '/api/admin/catalog/prices',
    summary: 'Set the price of a product on a price list',
    auth: 'admin',
    body: a.priceChangeRequestSchema,
    response: a.storedPriceListSchema,
    errors: admin,
  }),
  importCatalog: endpoint({
    method: 'POST',
    path: '/api/admin/catalog/import',
    summary: 'Import a catalog CSV; nothing is imported when a line is wrong (400 with the lines)',
    auth: 'admin',
    body: a.catalogImportRequestSchema,
    response: a.catalogImportResultSchema,
    errors: admin,
  }),
  refdata: endpoint({
    method: 'GET',
    path: '/api/admin/refdata',
    summary: 'Currencies, exchange rates and VAT rates',
    auth: 'admin',
    response: a.adminRefdataSchema,
    errors: admin,
  }),
  setCurrency: endpoint({
    method: 'PUT',
    path: '/api/admin/currencies/:code',
    summary: 'Add or change a currency',
    auth: 'admin',
    params: a.codeParamsSchema,
    body: a.currencyRequestSchema,
    response: a.storedRefdataSchema,
    errors: admin,
  }),
  setExchangeRate: endpoint({
    method: 'PUT',
    path: '/api/admin/exchange-rates/:code',
    summary: 'Set the exchange rate of a currency',
    auth: 'admin',
    params: a.codeParamsSchema,
    body: a.exchangeRateRequestSchema,
    response: a.storedRefdataSchema,
    errors: admin,
  }),
  setVatRate: endpoint({
    method: 'PUT',
    path: '/api/admin/vat-rates/:rate',
    summary: 'Add or change a VAT rate',
    auth: 'admin',
    params: a.rateParamsSchema,
    body: a.vatRateRequestSchema,
    response: a.storedRefdataSchema,
    errors: admin,
  }),
  company: endpoint({
    method: 'GET',
    path: '/api/admin/company',
    summary: "The office's legal identity",
    auth: 'admin',
    response: a.adminCompanySchema,
    errors: admin,
  }),
  setCompany: endpoint({
    method: 'PUT',
    path: '/api/admin/company',
    summary: "Set the office's legal identity (checked field by field)",
    auth: 'admin',
    body: a.companyRequestSchema,
    response: z.object({ company: companySchema }),
    errors: admin,
  }),
  audit: endpoint({
    method: 'GET',
    path: '/api/admin/audit',
    summary: 'The latest admin actions, newest first; `before` pages back',
    auth: 'admin',
    querystring: a.auditQuerySchema,
    response: z.array(a.auditEntrySchema),
    errors: admin,
  }),
  erasure: endpoint({
    method: 'POST',
    path: '/api/admin/privacy/erasure',
    summary: "GDPR: purge a person's data",
    auth: 'admin',
    body: a.erasureRequestSchema,
    response: a.erasureResponseSchema,
    errors: [400, 401, 403, 404],
  }),
  subjectExport: endpoint({
    method: 'POST',
    path: '/api/admin/privacy/subject-export',
    summary: 'GDPR: every record about a person (JSON, or CSV with format csv)',
    auth: 'admin',
    body: a.subjectExportRequestSchema,
    errors: [400, 401, 403, 404],
  }),
} as const;

/** The public web opt-in form (HTML, no sign-in): listed so the document names every route. */
export const webFormEndpoints = {
  optinPage: endpoint({
    method: 'GET',
    path: '/optin',
    summary: 'The web opt-in form',
    auth: 'none',
    produces: 'text/html',
    errors: [],
  }),
  optinSubmit: endpoint({
    method: 'POST',
    path: '/optin',
    summary: 'Submit the web opt-in form (application/x-www-form-urlencoded)',
    auth: 'none',
    produces: 'text/html',
    errors: [400, 429],
  }),
  optinStyle: endpoint({
    method: 'GET',
    path: '/optin/form.css',
    summary: "The form's style sheet",
    auth: 'none',
    produces: 'text/css',
    errors: [],
  }),
} as const;

export const apiEndpoints = { ...syncEndpoints, ...adminEndpoints, ...webFormEndpoints } as const;
