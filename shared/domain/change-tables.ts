// The lifecycle tables the server checks pushed documents against (DESIGN.md §3): which
// status reasons belong to each state, which state moves are legal, which fields never
// change, and which fields a document may change in each state.
import type { RecordType } from './records';

type Table = Readonly<Record<string, readonly string[]>>;

/** Status reasons allowed in each state. */
export const statusesByState: Partial<Record<RecordType, Table>> = {
  lead: {
    open: ['new', 'contacted'],
    qualified: ['qualified'],
    disqualified: ['lost', 'cannot_contact', 'no_longer_interested', 'canceled'],
  },
  opportunity: { open: ['in_progress', 'on_hold'], won: ['won'], lost: ['canceled', 'out_sold'] },
  quote: {
    draft: ['in_progress'],
    active: ['open'],
    won: ['won'],
    closed: ['lost', 'canceled', 'revised'],
  },
  order: {
    active: ['new'],
    fulfilled: ['fulfilled'],
    invoiced: ['invoiced'],
    canceled: ['canceled'],
  },
  invoice: { active: ['billed'], paid: ['paid'], canceled: ['canceled'] },
};

/** Legal state moves (staying in the same state is always legal). */
export const transitions: Partial<Record<RecordType, Table>> = {
  lead: { open: ['qualified', 'disqualified'], disqualified: ['open'] },
  // A closed opportunity can be reopened.
  opportunity: { open: ['won', 'lost'], won: ['open'], lost: ['open'] },
  quote: { draft: ['active', 'closed'], active: ['won', 'closed'] },
  order: { active: ['fulfilled', 'canceled'], fulfilled: ['invoiced', 'canceled'] },
  invoice: { active: ['paid', 'canceled'] },
  activity: { open: ['completed', 'canceled'] },
};

/** Status moves within a state that are legal besides the open statuses of lead/opportunity. */
export const statusMovesWithinState: Partial<Record<RecordType, Table>> = {
  lead: { new: ['contacted'], contacted: ['new'] },
  opportunity: { in_progress: ['on_hold'], on_hold: ['in_progress'] },
  // Revising a quote closed as lost re-closes it as revised.
  quote: { lost: ['revised'] },
};

/** Fields that never change once the document exists. */
export const immutableFields: Record<RecordType, readonly string[]> = {
  lead: ['id', 'createdAt'],
  account: ['id', 'createdAt', 'originatingLeadId'],
  contact: ['id', 'createdAt', 'originatingLeadId'],
  opportunity: ['id', 'createdAt', 'originatingLeadId'],
  quote: ['id', 'createdAt', 'number', 'revisionNumber', 'opportunityId', 'previousQuoteId'],
  order: ['id', 'createdAt', 'number', 'quoteId', 'opportunityId'],
  invoice: ['id', 'createdAt', 'number', 'orderId', 'opportunityId', 'issueDate'],
  activity: ['id', 'createdAt', 'type', 'regardingType', 'regardingId', 'event'],
  product: ['id', 'createdAt'],
  pricelist: ['id', 'createdAt'],
  refdata: ['id', 'createdAt', 'kind'],
};

/** Fields with money in them: they change only where lines may change. */
export const pricedFields = [
  'lines',
  'totals',
  'headerDiscount',
  'freight',
  'freightVatRate',
  'currency',
  'priceListId',
] as const;

const always = ['updatedAt', 'updatedBy'];

/**
 * Fields a document in state `from` may change when it moves to state `to`; `'*'` means
 * anything not immutable. Absent: the document is read-only in that state.
 */
export const editableFields: Partial<
  Record<RecordType, Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>>
> = {
  lead: {
    open: {
      open: ['*'],
      qualified: [
        ...always,
        'state',
        'status',
        'qualifiedAccountId',
        'qualifiedContactId',
        'qualifiedOpportunityId',
      ],
      disqualified: [...always, 'state', 'status'],
    },
    disqualified: { open: [...always, 'state', 'status'] },
  },
  opportunity: {
    open: { open: ['*'], won: ['*'], lost: ['*'] },
    won: {
      open: [...always, 'state', 'status', 'actualRevenue', 'actualCloseDate', 'probability'],
    },
    lost: {
      open: [...always, 'state', 'status', 'actualRevenue', 'actualCloseDate', 'probability'],
    },
  },
  quote: {
    draft: { draft: ['*'], active: ['*'], closed: [...always, 'state', 'status'] },
    active: { won: [...always, 'state', 'status'], closed: [...always, 'state', 'status'] },
    closed: { closed: [...always, 'state', 'status'] },
  },
  order: {
    active: { active: ['*'], fulfilled: ['*'], canceled: [...always, 'state', 'status'] },
    fulfilled: {
      fulfilled: [...always, 'name', 'requestedDeliveryDate'],
      invoiced: [...always, 'state', 'status'],
      canceled: [...always, 'state', 'status'],
    },
  },
  invoice: {
    active: {
      active: [...always, 'name', 'dueDate', 'ownerId'],
      paid: [...always, 'state', 'status', 'paidDate'],
      canceled: [...always, 'state', 'status'],
    },
  },
  activity: {
    open: {
      open: ['*'],
      completed: ['*'],
      canceled: ['*'],
    },
  },
};
