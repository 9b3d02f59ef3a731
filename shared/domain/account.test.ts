import { describe, expect, it } from 'vitest';
import { createAccount, updateAccount } from './account';
import { written } from './effects';
import type { Account } from './records';
import { accountSchema } from './records';
import { errorCode, makeCtx, unwrap } from './test-fixtures';

const ctx = makeCtx();

describe('accounts', () => {
  it('creates an account with search terms and a created activity', () => {
    const effects = unwrap(
      createAccount(
        { name: ' Vini Rossi Srl ', sdiCode: 'abc1234', vatNumber: 'IT01234567897' },
        ctx,
      ),
    );
    const account = written(effects, 'account') as Account;
    expect(accountSchema.parse(account)).toEqual(account);
    expect(account).toMatchObject({
      name: 'Vini Rossi Srl',
      sdiCode: 'ABC1234',
      originatingLeadId: null,
    });
    expect(account.searchTerms).toEqual(['vini', 'rossi', 'srl', 'it01234567897']);
    expect(written(effects, 'activity')).toMatchObject({
      event: 'account.created',
      regardingId: account.id,
    });
  });

  it('refuses a blank name, a bad email, PEC or SDI code', () => {
    expect(errorCode(createAccount({ name: '' }, ctx))).toBe('input.required');
    expect(errorCode(createAccount({ name: 'x', email: 'x@' }, ctx))).toBe('input.email_invalid');
    expect(errorCode(createAccount({ name: 'x', pec: 'pec' }, ctx))).toBe('input.email_invalid');
    expect(errorCode(createAccount({ name: 'x', sdiCode: '123' }, ctx))).toBe(
      'account.sdi_code_invalid',
    );
  });

  it('updates an account and its search terms', () => {
    const account = written(unwrap(createAccount({ name: 'Vini' }, ctx)), 'account') as Account;
    const next = written(
      unwrap(updateAccount(account, { name: 'Oli', sdiCode: 'xyz9876', industry: undefined }, ctx)),
      'account',
    );
    expect(next).toMatchObject({
      name: 'Oli',
      sdiCode: 'XYZ9876',
      industry: '',
      searchTerms: ['oli'],
    });
    expect(errorCode(updateAccount(account, { name: ' ' }, ctx))).toBe('input.required');
  });
});
