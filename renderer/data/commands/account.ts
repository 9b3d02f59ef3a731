// Account and contact commands: create and edit (catalogue of customers and their people).
import type { AccountInput, AccountPatch } from '../../../shared/domain/account';
import { createAccount, updateAccount } from '../../../shared/domain/account';
import type { ContactInput, ContactPatch } from '../../../shared/domain/contact';
import { createContact, updateContact } from '../../../shared/domain/contact';
import type { WithdrawalChannel } from '../../../shared/domain/consent';
import { withdrawConsent } from '../../../shared/domain/consent';
import { written } from '../../../shared/domain/effects';
import type { Account, Contact } from '../../../shared/domain/records';
import { command } from './command-kit';

export const accountCommandDefs = {
  create: command(
    (env, input: AccountInput) => Promise.resolve(createAccount(input, env.ctx)),
    (effects) => written(effects, 'account') as Account,
  ),
  update: command(
    async (env, input: { id: string; patch: AccountPatch }) =>
      updateAccount(await env.get('account', input.id), input.patch, env.ctx),
    (effects) => written(effects, 'account') as Account,
  ),
};

export const contactCommandDefs = {
  create: command(
    (env, input: ContactInput) => Promise.resolve(createContact(input, env.ctx)),
    (effects) => written(effects, 'contact') as Contact,
  ),
  update: command(
    async (env, input: { id: string; patch: ContactPatch }) =>
      updateContact(await env.get('contact', input.id), input.patch, env.ctx),
    (effects) => written(effects, 'contact') as Contact,
  ),
  /** GDPR: the person withdrew consent (with a timeline event). */
  withdrawConsent: command(
    async (env, input: { id: string; how: WithdrawalChannel }) =>
      withdrawConsent(
        { type: 'contact', record: await env.get('contact', input.id) },
        input.how,
        env.ctx,
      ),
    (effects) => written(effects, 'contact') as Contact,
  ),
};
