// Deletions are lifecycle steps (shared/domain/deletion.ts): over HTTP on SQLite and
// PostgreSQL, each tombstone the table forbids comes back rejected with illegal_deletion and
// leaves the stored master as it was; each one it allows is stored and served.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/domain/context';
import type { AnyRecord, RecordType } from '../../shared/domain/records';
import { collectionNames } from '../../shared/domain/records';
import type { SalesChain } from '../../shared/domain/test-sales-chain';
import { salesChain } from '../../shared/domain/test-sales-chain';
import type { PushResponse, SyncCollection, WireDocument } from '../../shared/sync/protocol';
import type { FairleadServer } from '../src/app';
import { erasePerson } from '../src/erase';
import { writeOfficeDocs } from '../src/office';
import { leadDoc } from './fixtures';
import type { Client, Office, Place } from './harness';
import { adapters, freshPlace, seedOffice, signIn, startServer } from './harness';

const push = async (client: Client, collection: string, rows: unknown[]): Promise<PushResponse> => {
  const res = await client.post(`/api/sync/${collection}/push`, rows);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as PushResponse;
};

const wire = <T extends AnyRecord>(r: T, deleted = false): WireDocument =>
  ({ ...r, _deleted: deleted }) as WireDocument;

// Pushed in this order, so every reference points at a record already there.
const order: RecordType[] = ['lead', 'opportunity', 'quote', 'order', 'invoice', 'activity'];

describe.each(adapters)('deletions on %s', (adapter) => {
  let place: Place;
  let server: FairleadServer;
  let office: Office;
  let anna: Client;
  let marco: Client;
  let admin: Client;
  let chain: SalesChain;

  const stored = async (type: RecordType, id: string) =>
    (await server.storage.getDocs(collectionNames[type], [id])).get(id)?.doc;

  /** Pushes a tombstone (or a revival) over the stored master and returns the answer. */
  const pushOver = async (
    client: Client,
    type: RecordType,
    next: WireDocument,
  ): Promise<PushResponse> => {
    const master = await stored(type, next.id);
    return push(client, collectionNames[type], [
      { newDocumentState: next, assumedMasterState: master ?? null },
    ]);
  };

  beforeAll(async () => {
    place = await freshPlace(adapter);
    server = await startServer(place);
    office = await seedOffice(server);
    anna = await signIn(server, office.a.email);
    marco = await signIn(server, office.m.email);
    admin = await signIn(server, office.admin.email);
    const actor: Actor = { userId: office.a.id, role: 'seller', teamId: office.a.teamId };
    chain = salesChain(actor, anna.login.device.series);
    for (const type of order) {
      const docs = [...(chain.records.get(type)?.values() ?? [])];
      const result = await push(
        anna,
        collectionNames[type],
        docs.map((d) => ({ newDocumentState: wire(d), assumedMasterState: null })),
      );
      expect(result, type).toEqual({ conflicts: [], rejected: [] });
    }
  });
  afterAll(async () => {
    await server?.close();
    await place?.drop();
  });

  const forbidden: [string, RecordType, keyof SalesChain, 'anna' | 'admin'][] = [
    ['an issued invoice', 'invoice', 'invoice', 'anna'],
    ['a paid invoice', 'invoice', 'paidInvoice', 'anna'],
    ['a paid invoice, even by the administrator', 'invoice', 'paidInvoice', 'admin'],
    ['an order', 'order', 'order', 'anna'],
    ['an active quote', 'quote', 'activeQuote', 'anna'],
    ['a won quote', 'quote', 'wonQuote', 'anna'],
    ['a system event', 'activity', 'systemEvent', 'anna'],
  ];

  it.each(forbidden)('refuses the tombstone of %s', async (_name, type, key, who) => {
    const record = chain[key] as AnyRecord;
    const before = await stored(type, record.id);
    expect(before?._deleted).toBe(false);
    const result = await pushOver(who === 'anna' ? anna : admin, type, wire(record, true));
    expect(result.conflicts).toEqual([]);
    expect(result.rejected).toEqual([
      expect.objectContaining({ id: record.id, code: 'illegal_deletion', field: '_deleted' }),
    ]);
    const [rejected] = result.rejected;
    expect(rejected?.messages.en).toBe(rejected?.message);
    expect(rejected?.messages.it.length).toBeGreaterThan(10);
    expect(rejected?.messages.it).not.toBe(rejected?.messages.en);
    expect(await stored(type, record.id)).toEqual(before);
  });

  it('refuses an issued invoice created already deleted, and stores nothing', async () => {
    const copy = { ...chain.invoice, id: '01990000-0000-7000-8000-00000000d001' };
    const result = await push(anna, 'invoices', [
      { newDocumentState: wire(copy, true), assumedMasterState: null },
    ]);
    expect(result.rejected.map((r) => r.code)).toEqual(['illegal_deletion']);
    expect(await stored('invoice', copy.id)).toBeUndefined();
  });

  const allowed: [string, RecordType, keyof SalesChain, 'anna' | 'marco'][] = [
    ['an open lead by its owner', 'lead', 'openLead', 'anna'],
    ['a draft quote by its owner', 'quote', 'draftQuote', 'anna'],
    ['a note by its owner', 'activity', 'note', 'anna'],
    ['an open opportunity by the team manager', 'opportunity', 'opportunity', 'marco'],
  ];

  it.each(allowed)('accepts the deletion of %s', async (_name, type, key, who) => {
    const record = chain[key] as AnyRecord;
    const result = await pushOver(who === 'anna' ? anna : marco, type, wire(record, true));
    expect(result).toEqual({ conflicts: [], rejected: [] });
    expect((await stored(type, record.id))?._deleted).toBe(true);
    const res = await anna.get(`/api/sync/${collectionNames[type]}/pull?limit=1000`);
    const pulled = ((await res.json()) as { documents: WireDocument[] }).documents;
    expect(pulled.find((d) => d.id === record.id)?._deleted).toBe(true);
  });

  it('lets the owner undo a lead deletion (an edit that met it on another device)', async () => {
    const revived = wire({ ...chain.openLead, notes: 'Called back: still interested' });
    expect(await pushOver(anna, 'lead', revived)).toEqual({ conflicts: [], rejected: [] });
    expect((await stored('lead', chain.openLead.id))?._deleted).toBe(false);
  });

  it('refuses to undo a tombstone the table keeps deleted', async () => {
    // An invoice tombstone written before these rules existed stays one.
    const ghost = { ...chain.invoice, id: '01990000-0000-7000-8000-00000000d002' };
    await writeOfficeDocs(server.storage, 'invoices', [ghost], true);
    const before = await stored('invoice', ghost.id);
    const result = await pushOver(anna, 'invoice', wire(ghost));
    expect(result.rejected.map((r) => [r.id, r.code])).toEqual([[ghost.id, 'illegal_deletion']]);
    expect(await stored('invoice', ghost.id)).toEqual(before);
  });

  it('keeps GDPR erasure working, and an erased person never comes back', async () => {
    const person = leadDoc('01990000-0000-7000-8000-00000000d003', office.a.id, {
      email: 'mario.verdi@example.com',
    });
    expect(await push(anna, 'leads', [{ newDocumentState: person }])).toEqual({
      conflicts: [],
      rejected: [],
    });
    expect(await erasePerson(server.storage, 'mario.verdi@example.com')).toEqual({
      leads: 1,
      contacts: 0,
      accounts: 0,
      activities: 0,
      opportunities: 0,
      quotes: 0,
      orders: 0,
      invoices: 0,
    });
    const erased = await stored('lead', person.id);
    expect(erased).toMatchObject({ _deleted: true, email: '', lastName: '', id: person.id });
    // A device that edited its old copy offline merges and pushes it back alive.
    const revived = { ...person, jobTitle: 'CEO', updatedAt: '2026-03-04T10:00:00.000Z' };
    const result = await pushOver(anna, 'lead', revived);
    expect(result.rejected).toEqual([
      expect.objectContaining({
        code: 'illegal_deletion',
        message: expect.stringMatching(/erased/),
      }),
    ]);
    expect(await stored('lead', person.id)).toEqual(erased);
  });

  it('answers a repeated allowed tombstone as a no-op', async () => {
    const tombstone = await stored('quote', chain.draftQuote.id);
    expect(tombstone?._deleted).toBe(true);
    const again = await push(anna, 'quotes' satisfies SyncCollection, [
      { newDocumentState: tombstone, assumedMasterState: tombstone },
    ]);
    expect(again).toEqual({ conflicts: [], rejected: [] });
  });
});
