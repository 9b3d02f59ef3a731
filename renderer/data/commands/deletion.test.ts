// The delete command against a real RxDB store: it removes what the deletion table allows
// and refuses, in both languages and without touching the store, what it forbids. Also: the
// runner refuses control characters in ids and names before it writes, as the server would.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../shared/domain/context';
import type { AnyRecord, RecordType } from '../../../shared/domain/records';
import { seller } from '../../../shared/domain/test-fixtures';
import type { SalesChain } from '../../../shared/domain/test-sales-chain';
import { salesChain } from '../../../shared/domain/test-sales-chain';
import type { FairleadDatabase } from '../database';
import { loadDataset } from '../load';
import { openTestDatabase } from '../test-support';
import { collectionOf } from '../write';
import { createCommands } from './index';

const teammate: Actor = { userId: 'user-teammate', role: 'seller', teamId: 'team-north' };
const manager: Actor = { userId: 'user-manager', role: 'manager', teamId: 'team-north' };

let db: FairleadDatabase;
let chain: SalesChain;

beforeEach(async () => {
  db = await openTestDatabase();
  chain = salesChain(seller);
  await loadDataset(
    db,
    Object.fromEntries(
      [...chain.records.entries()].map(([type, byId]) => [type, [...byId.values()]]),
    ),
  );
});
afterEach(async () => {
  await db.remove();
});

const present = async (type: RecordType, record: AnyRecord) =>
  (await collectionOf(db, type).findOne(record.id).exec())?.toJSON() ?? null;

describe('the delete command', () => {
  it('deletes an open lead, a draft quote and a note of their owner', async () => {
    const c = createCommands(db, seller);
    expect(await c.lead.remove({ id: chain.openLead.id })).toEqual({
      ok: true,
      value: chain.openLead.id,
    });
    expect(await present('lead', chain.openLead)).toBeNull();
    expect((await c.quote.remove({ id: chain.draftQuote.id })).ok).toBe(true);
    expect(await present('quote', chain.draftQuote)).toBeNull();
    expect((await c.activity.remove({ id: chain.note.id })).ok).toBe(true);
    expect(await present('activity', chain.note)).toBeNull();
  });

  const forbidden: [string, 'quote' | 'activity', keyof SalesChain, Actor][] = [
    ['an active quote', 'quote', 'activeQuote', seller],
    ['a won quote', 'quote', 'wonQuote', seller],
    ['a closed quote, even by a manager', 'quote', 'closedQuote', manager],
    ['a system event', 'activity', 'systemEvent', seller],
    ["another seller's note", 'activity', 'note', teammate],
  ];

  it.each(forbidden)('refuses to delete %s and keeps it', async (_name, type, key, actor) => {
    const record = chain[key] as AnyRecord;
    const before = await present(type, record);
    const c = createCommands(db, actor);
    const result = await c[type].remove({ id: record.id });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('change.illegal_deletion');
      expect(result.error.message.it).not.toBe(result.error.message.en);
    }
    expect(await present(type, record)).toEqual(before);
  });

  it("refuses a teammate's lead", async () => {
    const result = await createCommands(db, teammate).lead.remove({ id: chain.openLead.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'change.illegal_deletion' } });
    expect(await present('lead', chain.openLead)).not.toBeNull();
  });
});

describe('plain text', () => {
  it('refuses a control character in a name before writing, in both languages', async () => {
    const result = await createCommands(db, seller).lead.update({
      id: chain.openLead.id,
      patch: { company: 'Acme\u0000Srl' },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'change.invalid_document', field: 'company' },
    });
    expect((await present('lead', chain.openLead)) as { company: string }).toMatchObject({
      company: chain.openLead.company,
    });
  });
});
