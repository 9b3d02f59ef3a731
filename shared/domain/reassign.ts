// Reassignment (DESIGN.md §4): a manager gives a lead, an account or an opportunity of the
// team to another seller of the team; an admin to any seller. The record's timeline moves
// with it (the activities its previous owner wrote on it), an opportunity's quotes, orders and
// invoices too (whoever carries the deal on needs its papers, to revise a quote or record a
// payment), and a system event says who gave it to whom. The server judges the same writes
// again (visibility.ts checkWrite).
import type { Activity as ActivityRecord } from './records';
import { systemActivity } from './activity';
import type { RuleContext } from './context';
import type { Effects, Write } from './effects';
import { write } from './effects';
import type { Result } from './errors';
import { fail, ok } from './errors';
import type { Account, Lead, Opportunity } from './records';
import { touched } from './rule-kit';

export const reassignableTypes = ['lead', 'account', 'opportunity'] as const;
export type ReassignableType = (typeof reassignableTypes)[number];
export type Reassignable = Lead | Account | Opportunity;

/** A quote, order or invoice (credit notes included) of an opportunity, as the device holds it. */
export type OpportunityDocument = Extract<Write, { type: 'quote' | 'order' | 'invoice' }>;

/** A member of the office as reference data publishes them (kind `team_member`). */
export type TeamMember = { userId: string; name: string; role: string; teamId: string | null };

/** Who a record may go to: the sellers of the actor's team (all sellers for an admin). */
export const assignableSellers = (
  members: readonly TeamMember[],
  actor: RuleContext['actor'],
): TeamMember[] =>
  members
    .filter((m) => m.role === 'seller')
    .filter((m) => actor.role === 'admin' || (actor.teamId !== null && m.teamId === actor.teamId))
    .sort((a, b) => a.name.localeCompare(b.name));

export const reassignRecord = (
  type: ReassignableType,
  record: Reassignable,
  timeline: readonly ActivityRecord[],
  to: TeamMember,
  members: readonly TeamMember[],
  ctx: RuleContext,
  documents: readonly OpportunityDocument[] = [],
): Result<Effects> => {
  const { actor } = ctx;
  if (actor.role !== 'manager' && actor.role !== 'admin') {
    return fail(
      'reassign.not_manager',
      'Only a manager can give a record to another seller.',
      'Solo un responsabile può assegnare un record a un altro venditore.',
    );
  }
  if (!assignableSellers(members, actor).some((m) => m.userId === to.userId)) {
    return fail(
      'reassign.not_in_team',
      'A record can only go to a seller of your team.',
      'Un record può essere assegnato solo a un venditore del tuo team.',
      'ownerId',
    );
  }
  if (record.ownerId === to.userId) {
    return fail(
      'reassign.same_owner',
      `${to.name} already owns this record.`,
      `Il record è già di ${to.name}.`,
      'ownerId',
    );
  }
  const from = record.ownerId;
  const fromName = members.find((m) => m.userId === from)?.name ?? from;
  // The previous owner's documents of the opportunity, and their notes, calls and events on
  // the record and on those documents, travel with it.
  const papers = (type === 'opportunity' ? documents : [])
    .filter((d) => d.doc.opportunityId === record.id && d.doc.ownerId === from)
    .map((d) => write(d.type, { ...d.doc, ownerId: to.userId, ...touched(ctx) } as never));
  const regarding = new Set([
    `${type}:${record.id}`,
    ...papers.map((d) => `${d.type}:${d.doc.id}`),
  ]);
  const moved = timeline
    .filter((a) => a.ownerId === from && regarding.has(`${a.regardingType}:${a.regardingId}`))
    .map((a) => write('activity', { ...a, ownerId: to.userId, ...touched(ctx) }));
  const event = systemActivity(
    ctx,
    { type, id: record.id, ownerId: to.userId },
    'record.reassigned',
    'record.reassigned',
    { from, fromName, to: to.userId, toName: to.name },
    ctx.newId(),
  );
  const doc = { ...record, ownerId: to.userId, ...touched(ctx) };
  // The record last: it marks the command as done.
  return ok({
    writes: [...papers, ...moved, write('activity', event), write(type, doc as never)],
  });
};
