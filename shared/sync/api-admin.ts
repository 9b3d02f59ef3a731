// The office administration API (/api/admin/…) as zod schemas. Requests: types and sizes only;
// the office's checks (server/src/office.ts, office-admin/*) then say in plain words what is
// wrong. Answers: what the administration screens read. Types in shared/office/admin-api.ts.
import { z } from 'zod';
import { companySchema } from '../domain/company';
import { priceListSchema, productSchema, refdataSchema } from '../domain/records';
import { auditActions } from '../office/admin-api';
import { localizedTextSchema, noControlOrEmpty, roleSchema } from './api-schemas';

const noControl = noControlOrEmpty;
const line = (max: number) => z.string().max(max).regex(noControl);

// ---- addresses ---------------------------------------------------------------
export const idParamsSchema = z.strictObject({ id: z.string().min(1).max(64).regex(noControl) });
export const codeParamsSchema = z.strictObject({ code: z.string().min(1).max(8) });
export const rateParamsSchema = z.strictObject({
  rate: z
    .string()
    .regex(/^[0-9]{1,5}$/)
    .meta({ description: 'The rate in basis points' }),
});
export const auditQuerySchema = z.strictObject({
  before: z.string().max(100).optional().meta({ description: 'The id of the newest entry' }),
});

// ---- requests ----------------------------------------------------------------
export const newUserRequestSchema = z.strictObject({
  email: line(254),
  password: z.string().max(1024),
  role: line(20),
  team: line(100).optional(),
  name: line(200).optional(),
});
export const roleRequestSchema = z.strictObject({ role: line(20) });
export const teamRequestSchema = z.strictObject({ team: line(100).nullable() });
export const passwordRequestSchema = z.strictObject({ password: z.string().max(1024) });
export const disabledRequestSchema = z.strictObject({ disabled: z.boolean() });
export const teamNameRequestSchema = z.strictObject({ name: line(100) });
export const priceChangeRequestSchema = z.strictObject({
  priceListId: line(64),
  productId: line(64),
  unitPrice: z.number(),
});
// A catalog of a few thousand lines; the body limit bounds it anyway.
export const catalogImportRequestSchema = z.strictObject({ csv: z.string().max(5_000_000) });
export const currencyRequestSchema = z.strictObject({
  name: line(100),
  minorDigits: z.number(),
});
/** `rate` = units of the currency per 1 EUR (ECB style), as the office typed it. */
export const exchangeRateRequestSchema = z.strictObject({ rate: z.number(), date: line(10) });
export const vatRateRequestSchema = z.strictObject({
  labelEn: line(100),
  labelIt: line(100),
  natura: line(10).optional(),
});
// The company's own checks (shared/domain/company.ts) say field by field what is wrong.
export const companyRequestSchema = z.record(z.string(), z.unknown());

const personFields = {
  email: line(254).optional(),
  phone: line(40).optional(),
  name: line(200).optional(),
  company: line(200).optional(),
};
export const erasureRequestSchema = z.strictObject(personFields);
export const subjectExportRequestSchema = z.strictObject({
  ...personFields,
  format: z.enum(['json', 'csv']).optional(),
});

// ---- answers -----------------------------------------------------------------
// Catalog and reference records as stored: the record, with the wire's deletion flag when
// the office wrote it through the sync path.
const deletionFlag = { _deleted: z.boolean().optional() };
export const storedProductSchema = productSchema.extend(deletionFlag);
export const storedPriceListSchema = priceListSchema.extend(deletionFlag);
export const storedRefdataSchema = refdataSchema.extend(deletionFlag);

export const adminUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export const adminTeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  members: z.number(),
  activeMembers: z.number(),
});
export const disabledMembersSchema = z.object({ disabledMembers: z.number() });

/** A device of a user and its sync health (what it last told the server). */
export const adminDeviceSchema = z.object({
  id: z.string(),
  userId: z.string(),
  userEmail: z.string(),
  name: z.string(),
  series: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  appVersion: z.string().nullable(),
  /** The device's count of refused changes waiting on it; null when it has not said. */
  refusedWaiting: z.number().nullable(),
  /** Rows the server refused from it, all told, and when it last did. */
  serverRefused: z.number(),
  lastRefusedAt: z.string().nullable(),
});

export const adminCatalogSchema = z.object({
  products: z.array(storedProductSchema),
  priceLists: z.array(storedPriceListSchema),
});
export const catalogImportResultSchema = z.object({
  products: z.number(),
  priceLists: z.number(),
});
/** A refused import (400): nothing was imported; each wrong line says why. */
export const catalogImportRefusalSchema = z.object({
  code: z.literal('bad_request'),
  message: z.string(),
  messages: localizedTextSchema,
  lines: z.array(z.object({ line: z.number(), messages: localizedTextSchema })),
});

export const adminRefdataSchema = z.object({
  currencies: z.array(storedRefdataSchema),
  exchangeRates: z.array(storedRefdataSchema),
  vatRates: z.array(storedRefdataSchema),
});
export const adminCompanySchema = z.object({ company: companySchema.nullable() });

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  /** `command-line` when the action came from `npm run admin`. */
  actorId: z.string(),
  actorEmail: z.string(),
  action: z.enum(auditActions),
  target: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export const erasureResponseSchema = z.object({
  leads: z.number(),
  contacts: z.number(),
  accounts: z.number(),
  activities: z.number(),
  opportunities: z.number(),
  quotes: z.number(),
  orders: z.number(),
  invoices: z.number(),
  message: z.string(),
});
