// The office administration API (/api/admin/…, admin role only): request and response types
// shared by the administration screens and the server.
import type { Company } from '../domain/company';
import type { Role } from '../domain/context';
import type { LocalizedText } from '../domain/errors';
import type { PriceList, Product, Refdata } from '../domain/records';

export type AdminUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  teamName: string | null;
  disabled: boolean;
  createdAt: string;
};

/** Entries per page of the audit log (GET /api/admin/audit). */
export const auditPageSize = 200;

export type AdminTeam = { id: string; name: string; members: number; activeMembers: number };

export type NewUserRequest = {
  email: string;
  password: string;
  role: Role;
  team?: string;
  name?: string;
};

/** A device of a user and its sync health (what it last told the server). */
export type AdminDevice = {
  id: string;
  userId: string;
  userEmail: string;
  name: string;
  series: string;
  createdAt: string;
  revokedAt: string | null;
  lastSyncAt: string | null;
  appVersion: string | null;
  /** The device's count of refused changes waiting on it; null when it has not said. */
  refusedWaiting: number | null;
  /** Rows the server refused from it, all told, and when it last did. */
  serverRefused: number;
  lastRefusedAt: string | null;
};

export type AdminCatalog = { products: Product[]; priceLists: PriceList[] };

export type PriceChangeRequest = { priceListId: string; productId: string; unitPrice: number };

export type CatalogImportRequest = { csv: string };
export type CatalogImportResult = { products: number; priceLists: number };
/** A refused import (400): nothing was imported; each wrong line says why. */
export type CatalogImportRefusal = {
  code: 'bad_request';
  message: string;
  messages: LocalizedText;
  lines: { line: number; messages: LocalizedText }[];
};

export type AdminRefdata = { currencies: Refdata[]; exchangeRates: Refdata[]; vatRates: Refdata[] };

export type CurrencyRequest = { name: string; minorDigits: number };
/** `rate` = units of the currency per 1 EUR (ECB style), as the office typed it. */
export type ExchangeRateRequest = { rate: number; date: string };
export type VatRateRequest = { labelEn: string; labelIt: string; natura?: string };

export type AdminCompany = { company: Company | null };

export type AuditEntryView = {
  id: string;
  at: string;
  /** `command-line` when the action came from `npm run admin`. */
  actorId: string;
  actorEmail: string;
  action: AuditAction;
  target: string;
  before: unknown;
  after: unknown;
};

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
