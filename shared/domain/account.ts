// Accounts (DESIGN.md §2): the companies the office sells to, with Italian e-invoicing data.
import type { Regarding } from './activity';
import { systemActivity } from './activity';
import type { RuleContext } from './context';
import type { Effects } from './effects';
import { write } from './effects';
import type { Result } from './errors';
import { fail, ok } from './errors';
import { derivedId } from './ids';
import type { Account, Address } from './records';
import { checkEmail, checkRequired, created, defined, firstError, touched } from './rule-kit';
import { searchTermsForAccount } from './search';

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
};

export type AccountInput = Partial<AccountFields> & {
  name: string;
  /** Pass the same id on a retry so nothing is created twice; a fresh one by default. */
  id?: string;
  ownerId?: string;
  originatingLeadId?: string | null;
};

export type AccountPatch = Partial<AccountFields>;

const checkAccount = (a: AccountFields): Result<void> =>
  firstError(
    checkRequired(a.name, 'name', 'The account needs a name.', "L'azienda richiede un nome."),
    checkEmail(a.email),
    checkEmail(a.pec, 'pec'),
    // SDI recipient code: 7 letters or digits (FatturaPA CodiceDestinatario).
    a.sdiCode === '' || /^[A-Z0-9]{7}$/.test(a.sdiCode)
      ? ok(undefined)
      : fail(
          'account.sdi_code_invalid',
          'The SDI recipient code has 7 letters or digits.',
          'Il codice destinatario SDI è composto da 7 lettere o cifre.',
          'sdiCode',
        ),
  );

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
    sdiCode: (input.sdiCode ?? '').toUpperCase(),
    pec: (input.pec ?? '').trim(),
  };
  const check = checkAccount(fields);
  if (!check.ok) return check;
  return ok({
    ...created(ctx, input.id ?? ctx.newId(), input.ownerId),
    ...fields,
    originatingLeadId: input.originatingLeadId ?? null,
    searchTerms: searchTermsForAccount(fields),
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
  const next = { ...account, ...defined(patch) };
  if (patch.sdiCode !== undefined) next.sdiCode = patch.sdiCode.toUpperCase();
  const check = checkAccount(next);
  if (!check.ok) return check;
  return ok({
    writes: [
      write('account', { ...next, ...touched(ctx), searchTerms: searchTermsForAccount(next) }),
    ],
  });
};
