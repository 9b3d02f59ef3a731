// The lookup tables the server checks pushed documents against (DESIGN.md §3): which
// status reasons belong to each state, which state moves are legal, which fields never
// change, and which fields a document may change in each state. The lifecycle parts are
// derived from lifecycle-tables.ts.
import type { EditableTable } from './lifecycle-derive';
import {
  deriveEditableFields,
  deriveInitialStates,
  deriveStatusesByState,
  deriveStatusMoves,
  deriveTransitions,
} from './lifecycle-derive';
import { lifecycleTables } from './lifecycle-tables';
import type { RecordType } from './records';

type Table = Readonly<Record<string, readonly string[]>>;

/** Status reasons allowed in each state. */
export const statusesByState: Partial<Record<RecordType, Table>> =
  deriveStatusesByState(lifecycleTables);

/** Legal state moves (staying in the same state is always legal). */
export const transitions: Partial<Record<RecordType, Table>> = deriveTransitions(lifecycleTables);

/** Status moves within a state that are legal besides the open statuses of lead/opportunity. */
export const statusMovesWithinState: Partial<Record<RecordType, Table>> =
  deriveStatusMoves(lifecycleTables);

/** Fields that never change once the document exists. */
export const immutableFields: Record<RecordType, readonly string[]> = {
  lead: ['id', 'createdAt'],
  account: ['id', 'createdAt', 'originatingLeadId'],
  contact: ['id', 'createdAt', 'originatingLeadId'],
  opportunity: ['id', 'createdAt', 'originatingLeadId'],
  quote: ['id', 'createdAt', 'number', 'revisionNumber', 'opportunityId', 'previousQuoteId'],
  order: ['id', 'createdAt', 'number', 'quoteId', 'opportunityId'],
  invoice: [
    'id',
    'createdAt',
    'number',
    'orderId',
    'opportunityId',
    'issueDate',
    'documentType',
    'correctedInvoiceId',
    'correctedInvoiceNumber',
    'correctedInvoiceDate',
  ],
  activity: ['id', 'createdAt', 'type', 'regardingType', 'regardingId', 'event'],
  product: ['id', 'createdAt'],
  pricelist: ['id', 'createdAt'],
  refdata: ['id', 'createdAt', 'kind'],
  tradefair: ['id', 'createdAt'],
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

/**
 * Fields a document in state `from` may change when it moves to state `to`; `'*'` means
 * anything not immutable. Absent: the document is read-only in that state.
 */
export const editableFields: Partial<Record<RecordType, EditableTable>> =
  deriveEditableFields(lifecycleTables);

/** Where a new document starts; a device may push it later in any state reachable from here. */
export const initialStates: Partial<Record<RecordType, LifecyclePoint>> =
  deriveInitialStates(lifecycleTables);

/** A state and its status reason (empty for types without status reasons). */
export type LifecyclePoint = { readonly state: string; readonly status: string };

const key = (p: LifecyclePoint): string => `${p.state}|${p.status}`;

/** Every state/status pair of a type's lifecycle. */
const pointsOf = (type: RecordType): LifecyclePoint[] => {
  const statuses = statusesByState[type];
  if (statuses !== undefined) {
    return Object.entries(statuses).flatMap(([state, list]) =>
      list.map((status) => ({ state, status })),
    );
  }
  return Object.keys(lifecycleTables[type]?.states ?? {}).map((state) => ({ state, status: '' }));
};

/** One legal step: to any status of a next state, or a status move within the state. */
const stepsFrom = (type: RecordType, all: LifecyclePoint[], p: LifecyclePoint) => {
  const next = transitions[type]?.[p.state] ?? [];
  const within = statusMovesWithinState[type]?.[p.status] ?? [];
  return all.filter(
    (q) =>
      next.includes(q.state) ||
      (q.state === p.state && q.status !== p.status && within.includes(q.status)),
  );
};

// Transitive closure of the legal steps, computed once per type: a device that worked offline
// pushes only its latest state, so the server judges whether it could have been reached.
const closures = new Map<RecordType, ReadonlyMap<string, readonly LifecyclePoint[]>>();

const closureOf = (type: RecordType): ReadonlyMap<string, readonly LifecyclePoint[]> => {
  const known = closures.get(type);
  if (known !== undefined) return known;
  const all = pointsOf(type);
  const closure = new Map<string, LifecyclePoint[]>();
  for (const start of all) {
    const seen = new Map([[key(start), start]]);
    const queue = [start];
    for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
      for (const q of stepsFrom(type, all, p)) {
        if (!seen.has(key(q))) {
          seen.set(key(q), q);
          queue.push(q);
        }
      }
    }
    closure.set(key(start), [...seen.values()]);
  }
  closures.set(type, closure);
  return closure;
};

/** Every point reachable from `from` through legal steps, `from` itself included. */
export const reachableFrom = (type: RecordType, from: LifecyclePoint): readonly LifecyclePoint[] =>
  closureOf(type).get(key(from)) ?? [from];

/** Whether a document at `from` can arrive at `to` through legal steps (or by staying). */
export const canReach = (type: RecordType, from: LifecyclePoint, to: LifecyclePoint): boolean =>
  reachableFrom(type, from).some((p) => key(p) === key(to));
