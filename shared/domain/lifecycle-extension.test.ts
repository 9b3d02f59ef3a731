// A new status reason, or a new state with a move into it, is one edit of a lifecycle table:
// with only the table changed (a scratch copy served in place of lifecycle-tables.ts), the
// record schema, the commands, the server's check and the merge all take it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mergeRecord as realMerge } from '../sync/merge';
import type * as Tables from './lifecycle-tables';
import type { Lead, LeadDisqualifyReason, Quote } from './records';
import { recordSchemas as realSchemas } from './records';
import { byPeople } from './deleters';
import { mayDelete as realMayDelete } from './deletion';
import { makeCtx, seller, unwrap } from './test-fixtures';
import { salesChain as realChain } from './test-sales-chain';
import { validateChange as realValidate } from './validate-change';

const moveOnly = ['updatedAt', 'updatedBy', 'state', 'status'] as const;

/** The real tables plus a lead disqualify reason and a quote state reached from active. */
const scratchTables = (real: typeof Tables): typeof Tables => {
  const lead = real.leadLifecycle;
  const quote = real.quoteLifecycle;
  const leadLifecycle = {
    ...lead,
    states: {
      ...lead.states,
      disqualified: {
        ...lead.states.disqualified,
        statuses: { ...lead.states.disqualified.statuses, duplicate: 2 },
      },
    },
  };
  const quoteLifecycle = {
    ...quote,
    // An expired quote, unlike a closed one, is the seller's to throw away.
    states: { ...quote.states, expired: { rank: 2, statuses: { expired: 2 }, deletion: byPeople } },
    transitions: [
      ...quote.transitions,
      { from: 'active', to: 'expired', commands: ['expireQuote'], fields: moveOnly },
    ],
  };
  return {
    ...real,
    leadLifecycle,
    quoteLifecycle,
    lifecycleTables: { ...real.lifecycleTables, lead: leadLifecycle, quote: quoteLifecycle },
  } as unknown as typeof Tables;
};

/** The domain and sync modules, loaded afresh over the scratch tables. */
const withScratchTables = async () => {
  vi.resetModules();
  vi.doMock('./lifecycle-tables', async (importOriginal) =>
    scratchTables(await importOriginal<typeof Tables>()),
  );
  return {
    records: await import('./records'),
    lead: await import('./lead'),
    moves: await import('./lifecycle-moves'),
    deletion: await import('./deletion'),
    validate: await import('./validate-change'),
    order: await import('../sync/lifecycle-order'),
    merge: await import('../sync/merge'),
    chain: await import('./test-sales-chain'),
  };
};

afterEach(() => {
  vi.doUnmock('./lifecycle-tables');
  vi.resetModules();
});

const later = { updatedAt: '2026-03-20T09:00:00.000Z', updatedBy: seller.userId };

describe('a status reason added to the lead table', () => {
  it('is accepted by the schema, the disqualify command, the server check and the merge', async () => {
    const m = await withScratchTables();
    const { openLead } = m.chain.salesChain(seller);
    expect(m.records.leadDisqualifyReasons).toContain('duplicate');

    // The command takes the new reason and writes what the server accepts.
    const effects = unwrap(
      m.lead.disqualifyLead(
        { lead: openLead, opportunities: [] },
        { reason: 'duplicate' as string as LeadDisqualifyReason },
        makeCtx('2026-03-20T09:00:00.000Z', seller),
      ),
    );
    const written = effects.writes.find((w) => w.type === 'lead')?.doc as Lead;
    expect(written).toMatchObject({ state: 'disqualified', status: 'duplicate' });
    expect(m.records.recordSchemas.lead.safeParse(written).success).toBe(true);
    const verdict = m.validate.validateChange('lead', openLead, written, seller);
    expect(verdict.ok, JSON.stringify(verdict)).toBe(true);
    // …and back: reactivating leaves the new reason like any other.
    expect(m.moves.canRun('lead', 'reactivateLead', written)).toBe(true);

    // A concurrent move back to contacted loses to it: disqualified is further along.
    const contacted = { ...openLead, ...later, status: 'contacted' as const };
    const merged = m.merge.mergeRecord({
      type: 'lead',
      base: openLead,
      local: written,
      master: contacted,
    }).merged;
    expect(merged).toMatchObject({ state: 'disqualified', status: 'duplicate' });
    expect(m.order.lifecycleOrder.lead?.status['duplicate']).toBe(2);
  });

  it('is refused everywhere while the table does not list it', () => {
    const { openLead } = realChain(seller);
    const duplicate = { ...openLead, ...later, state: 'disqualified', status: 'duplicate' };
    expect(realSchemas.lead.safeParse(duplicate).success).toBe(false);
    expect(realValidate('lead', openLead, duplicate, seller)).toMatchObject({
      ok: false,
      error: { code: 'change.invalid_document' },
    });
  });
});

describe('a state added to the quote table with a move into it', () => {
  const expiredOf = (q: Quote) => ({ ...q, ...later, state: 'expired', status: 'expired' });
  // Both sides moved on from the same draft: the merge decides by rank.
  const asDraft = (q: Quote): Quote => ({ ...q, state: 'draft', status: 'in_progress' });

  it('is accepted by the schema, offered as an action, checked by the server and ranked by the merge', async () => {
    const m = await withScratchTables();
    const { draftQuote, activeQuote, wonQuote } = m.chain.salesChain(seller);
    const expired = expiredOf(activeQuote);
    expect(m.records.quoteStates).toContain('expired');
    expect(m.records.recordSchemas.quote.safeParse(expired).success).toBe(true);

    // The screens offer the move where the table lists it, and only there.
    expect(m.moves.availableCommands('quote', activeQuote)).toContain('expireQuote');
    expect(m.moves.canRun('quote', 'expireQuote', draftQuote)).toBe(false);
    expect(m.moves.checkMove('quote', 'expireQuote', activeQuote, expired).ok).toBe(true);

    // The server accepts it from active (and from a draft activated offline on the way),
    // and refuses it from a won quote: the table lists no move from won.
    expect(m.validate.validateChange('quote', activeQuote, expired, seller).ok).toBe(true);
    const fromDraft = m.validate.validateChange('quote', draftQuote, expiredOf(draftQuote), seller);
    expect(fromDraft.ok, JSON.stringify(fromDraft)).toBe(true);
    expect(m.validate.validateChange('quote', wonQuote, expiredOf(wonQuote), seller)).toMatchObject(
      { ok: false, error: { code: 'change.illegal_transition' } },
    );

    // Expired is further along than active: a concurrent edit that keeps it active loses.
    const merged = m.merge.mergeRecord({
      type: 'quote',
      base: asDraft(activeQuote),
      local: expired,
      master: { ...activeQuote, ...later, name: 'Offerta rinominata' },
    }).merged as Quote;
    expect(merged.state).toBe('expired');
    const rank = m.order.lifecycleOrder.quote;
    if (rank === undefined) throw new Error('no quote ranks');
    expect(m.order.compareLifecycle(rank, expired, activeQuote)).toBeGreaterThan(0);

    // Its deletion rule is the table's too: the owner may delete an expired quote.
    expect(m.deletion.mayDelete('quote', expired, seller)).toBe(true);
    expect(m.deletion.mayDelete('quote', activeQuote, seller)).toBe(false);
  });

  it('is refused everywhere while the table does not list it', () => {
    const { activeQuote } = realChain(seller);
    const expired = expiredOf(activeQuote);
    expect(realSchemas.quote.safeParse(expired).success).toBe(false);
    expect(realValidate('quote', activeQuote, expired, seller).ok).toBe(false);
    const merged = realMerge({
      type: 'quote',
      base: asDraft(activeQuote),
      local: expired,
      master: { ...activeQuote, ...later, name: 'Offerta rinominata' },
    }).merged as Quote;
    // Unknown to this version, the state never wins by rank, and nobody may delete it.
    expect(merged.state).toBe('active');
    expect(realMayDelete('quote', expired, seller)).toBe(false);
  });
});
