// Reassignment on the manager's device: the record, its timeline, an opportunity's quotes,
// orders and invoices with theirs, and the office's list of team members as this device has
// them; the rule in shared/domain/reassign.ts decides.
import { written } from '../../../shared/domain/effects';
import type {
  OpportunityDocument,
  ReassignableType,
  TeamMember,
} from '../../../shared/domain/reassign';
import { reassignRecord } from '../../../shared/domain/reassign';
import type { Activity, Invoice, Order, Quote, Refdata } from '../../../shared/domain/records';
import { plainDoc } from '../write';
import { fail } from '../../../shared/domain/errors';
import type { FairleadDatabase } from '../database';
import { command } from './command-kit';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The office's members from reference data (kind `team_member`). */
export const teamMembersOf = (refdata: readonly Refdata[]): TeamMember[] =>
  refdata
    .filter((r) => r.kind === 'team_member')
    .map((r) => ({
      userId: r.key,
      name: text(r.data['name']) || text(r.data['email']) || r.key,
      role: text(r.data['role']),
      teamId: text(r.data['teamId']) || null,
    }));

const membersOnDevice = async (db: FairleadDatabase): Promise<TeamMember[]> =>
  teamMembersOf(
    (await db.refdata.find({ selector: { kind: 'team_member' } }).exec()).map(
      (d) => d.toJSON() as Refdata,
    ),
  );

/** An opportunity's quotes, orders and invoices on this device (none for other records). */
const documentsOf = async (
  db: FairleadDatabase,
  type: ReassignableType,
  id: string,
): Promise<OpportunityDocument[]> => {
  if (type !== 'opportunity') return [];
  const selector = { opportunityId: id };
  const [quotes, orders, invoices] = await Promise.all([
    db.quotes.find({ selector }).exec(),
    db.orders.find({ selector }).exec(),
    db.invoices.find({ selector }).exec(),
  ]);
  return [
    ...quotes.map((d) => ({ type: 'quote' as const, doc: plainDoc<Quote>(d) })),
    ...orders.map((d) => ({ type: 'order' as const, doc: plainDoc<Order>(d) })),
    ...invoices.map((d) => ({ type: 'invoice' as const, doc: plainDoc<Invoice>(d) })),
  ];
};

export type ReassignInput = { type: ReassignableType; id: string; toUserId: string };

export const reassignCommandDefs = {
  reassign: command(
    async (env, input: ReassignInput) => {
      const record = await env.get(input.type, input.id);
      const members = await membersOnDevice(env.db);
      const to = members.find((m) => m.userId === input.toUserId);
      if (to === undefined) {
        return fail(
          'reassign.unknown_seller',
          'This seller is not in the office list on this device yet: sync, then try again.',
          'Questo venditore non è ancora nell’elenco dell’ufficio su questo dispositivo: sincronizza e riprova.',
          'ownerId',
        );
      }
      const documents = await documentsOf(env.db, input.type, input.id);
      const regardingIds = [input.id, ...documents.map((d) => d.doc.id)];
      const timeline = (
        await env.db.activities.find({ selector: { regardingId: { $in: regardingIds } } }).exec()
      ).map((d) => plainDoc<Activity>(d));
      return reassignRecord(input.type, record, timeline, to, members, env.ctx, documents);
    },
    (effects, input) => {
      const doc = written(effects, input.type, input.id);
      return { id: input.id, ownerId: doc?.ownerId ?? input.toUserId };
    },
  ),
};
