// The office administration API (/api/admin/…, admin role only): request and response types
// shared by the administration screens and the server, inferred from shared/sync/api-admin.ts.
import type { z } from 'zod';
import type {
  adminCatalogSchema,
  adminCompanySchema,
  adminDeviceSchema,
  adminRefdataSchema,
  adminTeamSchema,
  adminUserSchema,
  auditEntrySchema,
  catalogImportRefusalSchema,
  catalogImportRequestSchema,
  catalogImportResultSchema,
  currencyRequestSchema,
  exchangeRateRequestSchema,
  newUserRequestSchema,
  priceChangeRequestSchema,
  vatRateRequestSchema,
} from '../sync/api-admin';

export type AdminUser = z.infer<typeof adminUserSchema>;

/** Entries per page of the audit log (GET /api/admin/audit). */
export const auditPageSize = 200;

export type AdminTeam = z.infer<typeof adminTeamSchema>;

export type NewUserRequest = z.infer<typeof newUserRequestSchema>;

/** A device of a user and its sync health (what it last told the server). */
export type AdminDevice = z.infer<typeof adminDeviceSchema>;

export type AdminCatalog = z.infer<typeof adminCatalogSchema>;

export type PriceChangeRequest = z.infer<typeof priceChangeRequestSchema>;

export type CatalogImportRequest = z.infer<typeof catalogImportRequestSchema>;
export type CatalogImportResult = z.infer<typeof catalogImportResultSchema>;
/** A refused import (400): nothing was imported; each wrong line says why. */
export type CatalogImportRefusal = z.infer<typeof catalogImportRefusalSchema>;

export type AdminRefdata = z.infer<typeof adminRefdataSchema>;

export type CurrencyRequest = z.infer<typeof currencyRequestSchema>;
/** `rate` = units of the currency per 1 EUR (ECB style), as the office typed it. */
export type ExchangeRateRequest = z.infer<typeof exchangeRateRequestSchema>;
export type VatRateRequest = z.infer<typeof vatRateRequestSchema>;

export type AdminCompany = z.infer<typeof adminCompanySchema>;

export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditActions = [
  'user.add',
  'user.disable',
  'user.enable',
  'user.role',
  'user.team',
  'user.password',
  'team.add',
  'team.disable',
  'device.revoke',
  'catalog.import',
  'catalog.price',
  'currency.set',
  'exchange_rate.set',
  'vat_rate.set',
  'company.set',
] as const;
export type AuditAction = (typeof auditActions)[number];
