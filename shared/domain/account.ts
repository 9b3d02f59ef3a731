// Accounts (DESIGN.md §2): the companies the office sells to, with Italian e-invoicing data.
import type { Regarding } from './activity';
import { systemActivity } from './activity';
import type { RuleContext } from './context';
import type { Effects } from './effects';
import { write } from './effects';
import type { Result } from './errors';
import { ok } from './errors';
import { derivedId } from './ids';
import type { Account, Address, DocumentLanguage } from './records';
import { checkEmail, checkRequired, created, defined, firstError, touched } from './rule-kit';
import { searchTermsForAccount } from './search';
import { checkSdiCode, checkTaxCode, checkVatNumber } from './tax-ids';

export type AccountFields = {
  name: string;
  vatNumber: string;
  taxCode: string;
  address: Address;
  email: string;
  phone: string;
  website: string;
  industry: string;
  sdiCode: string;
  pec: string;
  shippingAddress: Address;
  documentLanguage: DocumentLanguage;
};

export type AccountInput = Partial<AccountFields> & {
  name: string;
  /** Pass the same id on a retry so nothing is created twice; a fresh one by default. */
  id?: string;
  ownerId?: string;
  originatingLeadId?: string | null;
};

export type AccountPatch = Partial<AccountFields>;

/** Italian customers get documents in Italian, everyone else in English. */
export const defaultDocumentLanguage = (address?: Address): DocumentLanguage =>
  address?.country === undefined || address.country === '' || address.country === 'IT'
    ? 'it'
    : 'en';

/**
 * The account checked and normalised: tax ids in their canonical form (upper case, EU
 * prefix), or the first error in plain words. The server runs the same check.
 */
export const normalizeAccount = <T extends AccountFields>(a: T): Result<T> => {
  const country = a.address.country ?? 'IT';
  const vat = checkVatNumber(a.vatNumber, country);
  if (!vat.ok) return vat;
  const taxCode = checkTaxCode(a.taxCode, country);
  if (!taxCode.ok) return taxCode;
  const sdi = checkSdiCode(a.sdiCode);
  if (!sdi.ok) return sdi;
  const check = firstError(
    checkRequired(a.name, 'name', 'The account needs a name.', "L'azienda richiede un nome."),
    checkEmail(a.email),
    checkEmail(a.pec, 'pec'),
  );
  if (!check.ok) return check;
  return ok({ ...a, vatNumber: vat.value, taxCode: taxCode.value, sdiCode: sdi.value });
};

/** A new account document, checked; no timeline activity (see createAccount). */
export const buildAccount = (input: AccountInput, ctx: RuleContext): Result<Account> => {
  const fields: AccountFields = {
    name: input.name.trim(),
    vatNumber: input.vatNumber ?? '',
    taxCode: input.taxCode ?? '',
    address: input.address ?? {},
    email: (input.email ?? '').trim(),
    phone: input.phone ?? '',
    website: input.website ?? '',
    industry: input.industry ?? '',
    sdiCode: input.sdiCode ?? '',
    pec: (input.pec ?? '').trim(),
    shippingAddress: input.shippingAddress ?? {},
    documentLanguage: input.documentLanguage ?? defaultDocumentLanguage(input.address),
  };
  const checked = normalizeAccount(fields);
  if (!checked.ok) return checked;
  return ok({
    ...created(ctx, input.id ?? ctx.newId(), input.ownerId),
    ...checked.value,
    originatingLeadId: input.originatingLeadId ?? null,
    searchTerms: searchTermsForAccount(checked.value),
  });
};

export const accountRegarding = (a: Account): Regarding => ({
  type: 'account',
  id: a.id,
  ownerId: a.ownerId,
});

/** The timeline activity of a new account. */
export const accountCreatedActivity = (ctx: RuleContext, account: Account) =>
  systemActivity(
    ctx,
    accountRegarding(account),
    'account.created',
    account.name,
    { originatingLeadId: account.originatingLeadId },
    derivedId(account.id, 'activity:account.created'),
  );

export const createAccount = (input: AccountInput, ctx: RuleContext): Result<Effects> => {
  const account = buildAccount(input, ctx);
  if (!account.ok) return account;
  return ok({
    writes: [
      write('activity', accountCreatedActivity(ctx, account.value)),
      write('account', account.value),
    ],
  });
};

export const updateAccount = (
  account: Account,
  patch: AccountPatch,
  ctx: RuleContext,
): Result<Effects> => {
  const checked = normalizeAccount({ ...account, ...defined(patch) });
  if (!checked.ok) return checked;
  const next = checked.value;
  return ok({
    writes: [
      write('account', { ...next, ...touched(ctx), searchTerms: searchTermsForAccount(next) }),
    ],
  });
};
