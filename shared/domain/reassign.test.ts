import { describe, expect, it } from 'vitest';
import type { Actor } from './context';
import { createActivity } from './activity';
import { written } from './effects';
import { createLead, qualifyLead } from './lead';
import type { Activity } from './records';
import type { TeamMember } from './reassign';
import { assignableSellers, reassignRecord } from './reassign';
import { errorCode, makeCtx, sampleOrder, seller, unwrap } from './test-fixtures';

const manager: Actor = { userId: 'user-manager', role: 'manager', teamId: 'team-north' };
const members: TeamMember[] = [
  { userId: seller.userId, name: 'Anna Rossi', role: 'seller', teamId: 'team-north' },
  { userId: 'user-bruno', name: 'Bruno Verdi', role: 'seller', teamId: 'team-north' },
  { userId: 'user-sud', name: 'Carla Sud', role: 'seller', teamId: 'team-south' },
  { userId: manager.userId, name: 'Marta Capo', role: 'manager', teamId: 'team-north' },
];
const bruno = members[1] as TeamMember;

const sellerCtx = makeCtx('2026-03-10T09:00:00.000Z', seller);
const leadEffects = unwrap(
  createLead(
    { firstName: 'Chiara', lastName: 'Neri', company: 'Cantine Neri', topic: 'Linea' },
    sellerCtx,
  ),
);
const lead = written(leadEffects, 'lead');
if (lead === undefined) throw new Error('no lead');
const timeline: Activity[] = [
  ...leadEffects.writes.flatMap((w) => (w.type === 'activity' ? [w.doc] : [])),
  written(
    unwrap(
      createActivity(
        {
          type: 'note',
          regarding: { type: 'lead', id: lead.id, ownerId: lead.ownerId },
          subject: 'Call back',
        },
        sellerCtx,
      ),
    ),
    'activity',
  ) as Activity,
];

describe('reassigning a record', () => {
  it('offers the sellers of the manager’s team only', () => {
    expect(assignableSellers(members, manager).map((m) => m.name)).toEqual([
      'Anna Rossi',
      'Bruno Verdi',
    ]);
    expect(assignableSellers(members, { userId: 'a', role: 'admin', teamId: null })).toHaveLength(
      3,
    );
  });

  it('moves the record and its timeline to the new owner, with an event saying so', () => {
    const ctx = makeCtx('2026-03-11T10:00:00.000Z', manager);
    const effects = unwrap(reassignRecord('lead', lead, timeline, bruno, members, ctx));
    const moved = written(effects, 'lead');
    expect(moved).toMatchObject({ ownerId: 'user-bruno', updatedBy: manager.userId });
    expect(effects.writes.at(-1)?.type).toBe('lead');
    const activities = effects.writes.flatMap((w) => (w.type === 'activity' ? [w.doc] : []));
    expect(activities.map((a) => a.event)).toEqual(['lead.created', null, 'record.reassigned']);
    expect(activities.every((a) => a.ownerId === 'user-bruno')).toBe(true);
    expect(activities.at(-1)?.data).toEqual({
      from: seller.userId,
      fromName: 'Anna Rossi',
      to: 'user-bruno',
      toName: 'Bruno Verdi',
    });
  });

  it('refuses sellers, owners of another team and the same owner, in plain words', () => {
    const ctx = makeCtx('2026-03-11T10:00:00.000Z', manager);
    expect(errorCode(reassignRecord('lead', lead, [], bruno, members, sellerCtx))).toBe(
      'reassign.not_manager',
    );
    const south = members[2] as TeamMember;
    expect(errorCode(reassignRecord('lead', lead, [], south, members, ctx))).toBe(
      'reassign.not_in_team',
    );
    const self = members[0] as TeamMember;
    const same = reassignRecord('lead', lead, [], self, members, ctx);
    expect(same.ok ? '' : same.error.message.it).toBe('Il record è già di Anna Rossi.');
  });

  it('gives an opportunity’s quotes, orders and invoices, and their timelines, along with it', () => {
    const opportunity = written(unwrap(qualifyLead({ lead }, {}, sellerCtx)), 'opportunity');
    if (opportunity === undefined) throw new Error('no opportunity');
    const order = sampleOrder({ id: 'o-1', opportunityId: opportunity.id });
    // Another opportunity's order, and one of this opportunity already given to someone else.
    const elsewhere = sampleOrder({ id: 'o-2', opportunityId: 'op-other' });
    const notTheirs = sampleOrder({ id: 'o-3', opportunityId: opportunity.id, ownerId: 'user-x' });
    const orderNote = {
      ...(timeline[1] as Activity),
      id: 'act-order',
      regardingType: 'order' as const,
      regardingId: order.id,
    };
    const ctx = makeCtx('2026-03-11T10:00:00.000Z', manager);
    const effects = unwrap(
      reassignRecord(
        'opportunity',
        opportunity,
        [...timeline, orderNote],
        bruno,
        members,
        ctx,
        [order, elsewhere, notTheirs].map((doc) => ({ type: 'order' as const, doc })),
      ),
    );
    const orders = effects.writes.flatMap((w) => (w.type === 'order' ? [w.doc] : []));
    expect(orders.map((o) => [o.id, o.ownerId, o.updatedBy])).toEqual([
      ['o-1', 'user-bruno', manager.userId],
    ]);
    // Only the stamp and the owner change: the handover the server accepts in any state.
    expect({
      ...orders[0],
      ownerId: order.ownerId,
      updatedAt: order.updatedAt,
      updatedBy: order.updatedBy,
    }).toEqual(order);
    const activities = effects.writes.flatMap((w) => (w.type === 'activity' ? [w.doc] : []));
    expect(activities.map((a) => a.id)).toContain('act-order');
    // The lead's notes stay with the lead.
    expect(activities.map((a) => a.regardingType)).not.toContain('lead');
    expect(effects.writes.at(-1)).toMatchObject({
      type: 'opportunity',
      doc: { ownerId: 'user-bruno' },
    });
  });

  it('moves no documents with a lead or an account', () => {
    const ctx = makeCtx('2026-03-11T10:00:00.000Z', manager);
    const order = sampleOrder({ opportunityId: lead.id });
    const effects = unwrap(
      reassignRecord('lead', lead, timeline, bruno, members, ctx, [{ type: 'order', doc: order }]),
    );
    expect(effects.writes.some((w) => w.type === 'order')).toBe(false);
  });
});
