// The UI's write commands: a thin adapter from the UI's port to the device store's typed
// command maps (renderer/data/commands), which run the domain rules and write the results.
import { fail } from '../../shared/domain/errors';
import type { Result } from '../../shared/domain/errors';
import type { Account, Contact } from '../../shared/domain/records';
import type { FairleadDatabase } from '../data/database';
import { createCommands } from '../data/commands';
import { planDeviceLeadImport, writeLeadImport } from '../data/lead-import';
import { toStoreError } from '../data/store-error';
import type { DeviceSession } from '../data/sync/session';
import { collectionOf } from '../data/write';
import type { PartyChoice, StoreCommands } from './store-port';

const notOnDevice = (what: string): Result<never> =>
  fail(
    'store.not_found',
    `The ${what} is not on this device.`,
    `Il record (${what}) non è su questo dispositivo.`,
  );

export const createStoreCommands = (
  db: FairleadDatabase,
  session: DeviceSession,
): StoreCommands => {
  const { user } = session;
  const actor = { userId: user.id, role: user.role, teamId: user.teamId };
  const c = createCommands(db, actor);
  // A store failure during an import comes back as a plain reason, never a thrown error.
  const guarded = async <T>(task: () => Promise<T>): Promise<Result<T>> => {
    try {
      return { ok: true, value: await task() };
    } catch (error) {
      return { ok: false, error: toStoreError(error, 'leads').toDomainError() };
    }
  };

  // Qualify links take the existing record itself, so its data is copied consistently.
  const linked = async <T extends Account | Contact>(
    type: 'account' | 'contact',
    choice: PartyChoice,
  ) => {
    if (choice.mode !== 'link') return { ok: true as const, value: choice };
    const doc = await collectionOf(db, type).findOne(choice.id).exec();
    if (doc === null) return notOnDevice(type);
    return { ok: true as const, value: { mode: 'link' as const, [type]: doc.toJSON() as T } };
  };

  return {
    lead: {
      create: (input) => c.lead.create(input),
      update: (id, patch) => c.lead.update({ id, patch }),
      withdrawConsent: (id, how) => c.lead.withdrawConsent({ id, how }),
      qualify: async (id, choice) => {
        const account = await linked<Account>('account', choice.account);
        if (!account.ok) return account;
        const contact = await linked<Contact>('contact', choice.contact);
        if (!contact.ok) return contact;
        const result = await c.lead.qualify({
          id,
          account: account.value as never,
          contact: contact.value as never,
          opportunity: { mode: 'create' },
        });
        if (!result.ok) return result;
        return result.value.opportunityId === null
          ? notOnDevice('opportunity')
          : { ok: true, value: { opportunityId: result.value.opportunityId } };
      },
      disqualify: (id, reason) => c.lead.disqualify({ id, reason }),
      reactivate: (id) => c.lead.reactivate({ id }),
      remove: (id) => c.lead.remove({ id }),
      fromEmail: (input) => c.lead.fromEmail(input),
      createFromCard: (input) => c.lead.createFromCard(input),
    },
    leadImport: {
      plan: (rows, options) => guarded(() => planDeviceLeadImport(db, actor, rows, options)),
      write: (rows, onProgress) => guarded(() => writeLeadImport(db, actor, rows, onProgress)),
    },
    opportunity: {
      update: (id, patch) => c.opportunity.update({ id, patch }),
      editLines: (id, edit) =>
        edit.op === 'add'
          ? c.opportunity.addLine({ id, line: edit.line })
          : edit.op === 'update'
            ? c.opportunity.updateLine({ id, lineId: edit.id, patch: edit.patch })
            : c.opportunity.removeLine({ id, lineId: edit.id }),
      setRevenueMode: (id, revenue) => c.opportunity.setRevenueMode({ id, revenue }),
      moveStage: (id, stage) => c.opportunity.moveStage({ id, stage }),
      closeAsWon: (id, input) => c.opportunity.closeAsWon({ id, ...input }),
      closeAsLost: (id, input) => c.opportunity.closeAsLost({ id, ...input }),
      reopen: (id) => c.opportunity.reopen({ id }),
    },
    quote: {
      createFromOpportunity: (opportunityId) => c.quote.create({ opportunityId }),
      update: (id, patch) => c.quote.updateDraft({ id, patch }),
      editLines: (id, edit) => c.quote.updateDraft({ id, patch: { lines: [edit] } }),
      activate: (id) => c.quote.activate({ id }),
      revise: (id) => c.quote.revise({ id }),
      close: (id, status) => c.quote.close({ id, status }),
      remove: (id) => c.quote.remove({ id }),
      createOrder: async (id, options) => {
        const order = await c.quote.createOrder({
          id,
          customerReference: options.customerReference ?? '',
        });
        if (order.ok && options.closeOpportunity && order.value.opportunityId) {
          // Offered, not required: a refusal (e.g. another quote still open) keeps the order.
          await c.opportunity.closeAsWon({ id: order.value.opportunityId });
        }
        return order;
      },
    },
    order: {
      lockPrices: (id) => c.order.lockPrices({ id }),
      setCustomerReference: (id, customerReference) =>
        c.order.setCustomerReference({ id, customerReference }),
      fulfil: (id) => c.order.fulfil({ id }),
      cancel: (id) => c.order.cancel({ id }),
      createInvoice: (id) => c.order.createInvoice({ id }),
    },
    account: {
      update: (id, patch) => c.account.update({ id, patch }),
    },
    contact: {
      update: (id, patch) => c.contact.update({ id, patch }),
      withdrawConsent: (id, how) => c.contact.withdrawConsent({ id, how }),
    },
    invoice: {
      markPaid: (id) => c.invoice.markPaid({ id }),
      recordPayment: (id, payment) => c.invoice.recordPayment({ id, ...payment }),
      issueCreditNote: (id, input) => c.invoice.issueCreditNote({ id, ...input }),
    },
    activity: {
      create: (input) => c.activity.create(input),
      complete: (id) => c.activity.complete({ id }),
      remove: (id) => c.activity.remove({ id }),
    },
    record: {
      reassign: (type, id, toUserId) => c.record.reassign({ type, id, toUserId }),
    },
    tradeFair: {
      create: (input) => c.tradeFair.create(input),
      update: (id, patch) => c.tradeFair.update({ id, patch }),
    },
  };
};
