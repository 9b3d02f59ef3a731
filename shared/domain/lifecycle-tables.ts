// The lifecycle of each record type (DESIGN.md §3), written once: states and status reasons
// with their merge ranks, the moves between them, the commands that make each move and the
// fields each move may change. The enums of records.ts, the server's checks (change-tables.ts,
// validate-change.ts), the merge's order (shared/sync/lifecycle-order.ts), the commands' state
// guards and the screens' actions all derive from these tables: a new status is one line here
// (plus its translations).
import { byManagers, byPeople } from './deleters';
import type { LifecycleTable } from './lifecycle-kit';
import type { RecordType } from './records';

const always = ['updatedAt', 'updatedBy'] as const;
/** A move that changes only the state and its status reason. */
const moveOnly = [...always, 'state', 'status'] as const;

export const leadLifecycle = {
  initial: { state: 'open', status: 'new' },
  states: {
    // An open or disqualified lead is the seller's to remove; a qualified one is the origin
    // of an account and an opportunity.
    open: { rank: 0, statuses: { new: 0, contacted: 1 }, edits: ['*'], deletion: byPeople },
    // Withdrawal of consent is recorded whatever became of the lead.
    qualified: { rank: 1, statuses: { qualified: 2 }, edits: [...always, 'consent'] },
    disqualified: {
      rank: 1,
      statuses: { lost: 2, cannot_contact: 2, no_longer_interested: 2, canceled: 2 },
      edits: [...always, 'consent'],
      deletion: byPeople,
    },
  },
  transitions: [
    {
      from: 'open',
      to: 'qualified',
      commands: ['qualifyLead'],
      fields: [...moveOnly, 'qualifiedAccountId', 'qualifiedContactId', 'qualifiedOpportunityId'],
    },
    { from: 'open', to: 'disqualified', commands: ['disqualifyLead'], fields: moveOnly },
    {
      from: 'disqualified',
      to: 'open',
      commands: ['reactivateLead'],
      fields: moveOnly,
      backwards: true,
    },
  ],
  statusMoves: [
    { state: 'open', from: 'new', to: 'contacted', commands: ['updateLead'] },
    { state: 'open', from: 'contacted', to: 'new', commands: ['updateLead'], backwards: true },
  ],
} as const satisfies LifecycleTable;

const reopenFields = [...moveOnly, 'actualRevenue', 'actualCloseDate', 'probability'] as const;

export const opportunityLifecycle = {
  initial: { state: 'open', status: 'in_progress' },
  states: {
    // In progress and on hold are both "open": neither is ahead of the other.
    open: {
      rank: 0,
      statuses: { in_progress: 0, on_hold: 0 },
      edits: ['*'],
      deletion: byManagers,
    },
    won: { rank: 1, statuses: { won: 1 } },
    lost: { rank: 1, statuses: { canceled: 1, out_sold: 1 } },
  },
  transitions: [
    { from: 'open', to: 'won', commands: ['closeOpportunityAsWon'], fields: ['*'] },
    { from: 'open', to: 'lost', commands: ['closeOpportunityAsLost'], fields: ['*'] },
    // A closed opportunity can be reopened.
    {
      from: 'won',
      to: 'open',
      commands: ['reopenOpportunity'],
      fields: reopenFields,
      backwards: true,
    },
    {
      from: 'lost',
      to: 'open',
      commands: ['reopenOpportunity'],
      fields: reopenFields,
      backwards: true,
    },
  ],
  statusMoves: [
    { state: 'open', from: 'in_progress', to: 'on_hold', commands: ['updateOpportunity'] },
    { state: 'open', from: 'on_hold', to: 'in_progress', commands: ['updateOpportunity'] },
  ],
} as const satisfies LifecycleTable;

export const quoteLifecycle = {
  initial: { state: 'draft', status: 'in_progress' },
  states: {
    // A draft quote may be thrown away; one the customer has seen is history.
    draft: { rank: 0, statuses: { in_progress: 0 }, edits: ['*'], deletion: byPeople },
    active: { rank: 1, statuses: { open: 1 } },
    won: { rank: 2, statuses: { won: 2 } },
    closed: { rank: 2, statuses: { lost: 2, canceled: 2, revised: 2 }, edits: moveOnly },
  },
  transitions: [
    { from: 'draft', to: 'active', commands: ['activateQuote'], fields: ['*'] },
    { from: 'draft', to: 'closed', commands: ['closeQuote'], fields: moveOnly },
    { from: 'active', to: 'won', commands: ['createOrderFromQuote'], fields: moveOnly },
    { from: 'active', to: 'closed', commands: ['closeQuote', 'reviseQuote'], fields: moveOnly },
  ],
  // Revising a quote closed as lost re-closes it as revised.
  statusMoves: [{ state: 'closed', from: 'lost', to: 'revised', commands: ['reviseQuote'] }],
} as const satisfies LifecycleTable;

export const orderLifecycle = {
  initial: { state: 'active', status: 'new' },
  states: {
    active: { rank: 0, statuses: { new: 0 }, edits: ['*'] },
    fulfilled: {
      rank: 1,
      statuses: { fulfilled: 1 },
      edits: [...always, 'name', 'requestedDeliveryDate', 'customerReference'],
    },
    invoiced: { rank: 2, statuses: { invoiced: 2 } },
    canceled: { rank: 2, statuses: { canceled: 2 } },
  },
  transitions: [
    { from: 'active', to: 'fulfilled', commands: ['fulfilOrder'], fields: ['*'] },
    { from: 'active', to: 'canceled', commands: ['cancelOrder'], fields: moveOnly },
    { from: 'fulfilled', to: 'invoiced', commands: ['createInvoiceFromOrder'], fields: moveOnly },
    { from: 'fulfilled', to: 'canceled', commands: ['cancelOrder'], fields: moveOnly },
  ],
} as const satisfies LifecycleTable;

export const invoiceLifecycle = {
  initial: { state: 'active', status: 'billed' },
  states: {
    // Payments and credits are appended (validate-change checks that nothing is rewritten).
    active: {
      rank: 0,
      statuses: { billed: 0 },
      edits: [...always, 'name', 'dueDate', 'ownerId', 'payments', 'credits'],
    },
    paid: { rank: 1, statuses: { paid: 1 } },
    canceled: { rank: 1, statuses: { canceled: 1 } },
    // Credit notes are `issued` once and never move.
    issued: { rank: 0, statuses: { issued: 0 } },
  },
  transitions: [
    {
      from: 'active',
      to: 'paid',
      commands: ['recordPayment', 'markInvoicePaid', 'issueCreditNote'],
      fields: [...moveOnly, 'paidDate', 'payments', 'credits'],
    },
    {
      from: 'active',
      to: 'canceled',
      commands: ['issueCreditNote'],
      fields: [...moveOnly, 'credits'],
    },
  ],
} as const satisfies LifecycleTable;

export const activityLifecycle = {
  initial: { state: 'open', status: '' },
  states: {
    open: { rank: 0, edits: ['*'], deletion: byPeople },
    completed: { rank: 1, deletion: byPeople },
    canceled: { rank: 1, deletion: byPeople },
  },
  transitions: [
    { from: 'open', to: 'completed', commands: ['completeActivity'], fields: ['*'] },
    { from: 'open', to: 'canceled', commands: ['cancelActivity'], fields: ['*'] },
  ],
} as const satisfies LifecycleTable;

/** The record types with a lifecycle, and their tables. */
export const lifecycleTables: Partial<Record<RecordType, LifecycleTable>> = {
  lead: leadLifecycle,
  opportunity: opportunityLifecycle,
  quote: quoteLifecycle,
  order: orderLifecycle,
  invoice: invoiceLifecycle,
  activity: activityLifecycle,
};
