// Document numbers on the server, on a real SQLite file and a real PostgreSQL: a pushed number
// must parse, be in a series of one of the pusher's devices and be unique per kind (per year
// for invoices); refused rows store nothing and move no high-water mark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse, SyncCollection } from '../../shared/sync/protocol';
import type { FairleadServer } from '../src/app';
import { newId } from '../src/ids';
import { writeOfficeDocs } from '../src/office';
import { edited, invoiceDoc, orderDoc, quoteDoc } from './fixtures';
import type { Client, Office, Place } from './harness';
import { adapters, freshPlace, seedOffice, signIn, startServer } from './harness';

const push = async (client: Client, collection: string, rows: unknown[]): Promise<PushResponse> => {
  const res = await client.post(`/api/sync/${collection}/push`, rows);
  expect(res.status).toBe(200);
  return (await res.json()) as PushResponse;
};

const seq = (n: number): string => String(n).padStart(5, '0');

describe.each(adapters)('document numbers on %s', (adapter) => {
  let place: Place;
  let server: FairleadServer;
  let office: Office;
  let anna: Client; // seller, North
  let carla: Client; // seller, North
  let marco: Client; // manager, North
  let sa = ''; // Anna's series
  let sc = ''; // Carla's series

  beforeAll(async () => {
    place = await freshPlace(adapter);
    server = await startServer(place);
    office = await seedOffice(server);
    [anna, carla, marco] = await Promise.all([
      signIn(server, office.a.email, 'laptop', { installationId: `anna-${newId()}` }),
      signIn(server, office.c.email, 'laptop', { installationId: `carla-${newId()}` }),
      signIn(server, office.m.email, 'laptop', { installationId: `marco-${newId()}` }),
    ]);
    sa = anna.login.device.series;
    sc = carla.login.device.series;
  });
  afterAll(async () => {
    await server?.close();
    await place?.drop();
  });

  const stored = async (collection: SyncCollection): Promise<string> =>
    JSON.stringify(await server.storage.allDocs(collection));

  const builders = {
    quotes: (id: string, owner: string, n: number, series: string) =>
      quoteDoc(id, owner, `Q-${series}-${seq(n)}`),
    orders: (id: string, owner: string, n: number, series: string) =>
      orderDoc(id, owner, `ORD-${series}-${seq(n)}`),
    invoices: (id: string, owner: string, n: number, series: string) =>
      invoiceDoc(id, owner, `INV/2026/${series}/${seq(n)}`),
  } as const;

  it.each(Object.keys(builders) as (keyof typeof builders)[])(
    'refuses a second %s with a number already taken, and keeps the first',
    async (collection) => {
      const build = builders[collection];
      const first = build(newId(), office.a.id, 1, sa);
      expect(await push(anna, collection, [{ newDocumentState: first }])).toEqual({
        conflicts: [],
        rejected: [],
      });
      const before = await stored(collection);
      const highWater = await server.storage.highWater(sa);
      // Another document with the same number: alone, and twice in one push.
      const copy = build(newId(), office.a.id, 1, sa);
      const res = await push(anna, collection, [{ newDocumentState: copy }]);
      expect(res.rejected).toEqual([
        expect.objectContaining({ id: copy.id, code: 'number_taken', field: 'number' }),
      ]);
      expect(res.rejected[0]?.messages.it).toContain(first.number);
      expect(res.rejected[0]?.messages.en).toContain('already used');
      expect(await stored(collection)).toBe(before);
      const twins = [build(newId(), office.a.id, 2, sa), build(newId(), office.a.id, 2, sa)];
      const both = await push(
        anna,
        collection,
        twins.map((t) => ({ newDocumentState: t })),
      );
      expect(both.rejected.map((r) => [r.id, r.code])).toEqual([[twins[1]?.id, 'number_taken']]);
      // The accepted second number raises the mark; the refused ones did not.
      const after = await server.storage.highWater(sa);
      if (collection === 'invoices') expect(after.invoice['2026']).toBe(2);
      else expect(after[collection === 'quotes' ? 'quote' : 'order']).toBe(2);
      expect(highWater).not.toEqual(after);
      // Someone else's document never takes the number either: Carla cannot push in Anna's series.
      const stolen = build(newId(), office.c.id, 1, sa);
      const byCarla = await push(carla, collection, [{ newDocumentState: stolen }]);
      expect(byCarla.rejected).toEqual([expect.objectContaining({ code: 'foreign_series' })]);
    },
  );

  it('keeps numbers of different kinds and years apart', async () => {
    const res = await push(anna, 'invoices', [
      { newDocumentState: invoiceDoc(newId(), office.a.id, `INV/2027/${sa}/00001`) },
    ]);
    expect(res.rejected).toEqual([]);
    expect((await server.storage.highWater(sa)).invoice).toEqual({ '2026': 2, '2027': 1 });
  });

  it('refuses a number in a series of no device of the pushing user, moving no mark', async () => {
    const carlaMarks = await server.storage.highWater(sc);
    const before = await stored('quotes');
    const rows = [`Q-${sc}-00050`, 'Q-ZZZZ-00001'].map((number) => ({
      newDocumentState: quoteDoc(newId(), office.a.id, number),
    }));
    const res = await push(anna, 'quotes', rows);
    expect(res.rejected.map((r) => r.code)).toEqual(['foreign_series', 'foreign_series']);
    expect(res.rejected[0]?.messages.it).toContain(`serie ${sc}`);
    expect(await stored('quotes')).toBe(before);
    expect(await server.storage.highWater(sc)).toEqual(carlaMarks);
    expect(await server.storage.highWater('ZZZZ')).toEqual({
      quote: 0,
      order: 0,
      invoice: {},
      creditNote: {},
    });
  });

  it('refuses a malformed number with its own code', async () => {
    const before = await Promise.all([stored('quotes'), stored('orders'), stored('invoices')]);
    const marks = await server.storage.highWater(sa);
    const cases: [SyncCollection, Record<string, unknown>][] = [
      ['quotes', quoteDoc(newId(), office.a.id, `Q-${sa}-1`)],
      ['quotes', quoteDoc(newId(), office.a.id, `Q-${sa}-000007`)],
      ['quotes', quoteDoc(newId(), office.a.id, `ORD-${sa}-00007`)],
      ['quotes', { ...quoteDoc(newId(), office.a.id, ''), number: 42 }],
      ['orders', orderDoc(newId(), office.a.id, `INV/2026/${sa}/00007`)],
      ['invoices', invoiceDoc(newId(), office.a.id, `INV/26/${sa}/00007`)],
      ['invoices', invoiceDoc(newId(), office.a.id, `INV/2026/${sa}/00000`)],
    ];
    for (const [collection, doc] of cases) {
      const res = await push(anna, collection, [{ newDocumentState: doc }]);
      expect(res.rejected, JSON.stringify(doc.number)).toEqual([
        expect.objectContaining({ code: 'malformed_number', field: 'number' }),
      ]);
      expect(res.rejected[0]?.messages.it).toMatch(/non è un numero di (offerta|ordine|fattura)/);
    }
    expect(await Promise.all([stored('quotes'), stored('orders'), stored('invoices')])).toEqual(
      before,
    );
    expect(await server.storage.highWater(sa)).toEqual(marks);
  });

  it('lets a manager edit a seller’s document without touching its number', async () => {
    const quote = quoteDoc(newId(), office.a.id, `Q-${sa}-00010`);
    expect((await push(anna, 'quotes', [{ newDocumentState: quote }])).rejected).toEqual([]);
    const renamed = {
      ...edited(quote, { name: 'Valves, revised by the manager' }),
      updatedBy: office.m.id,
    };
    const res = await push(marco, 'quotes', [
      { newDocumentState: renamed, assumedMasterState: quote },
    ]);
    expect(res).toEqual({ conflicts: [], rejected: [] });
    const master = (await server.storage.getDocs('quotes', [quote.id])).get(quote.id);
    expect(master?.doc).toMatchObject({
      name: 'Valves, revised by the manager',
      number: quote.number,
    });
  });

  it('holds every number under a unique key in the database', async () => {
    const holder = quoteDoc(newId(), office.a.id, `Q-${sa}-00020`);
    expect((await push(anna, 'quotes', [{ newDocumentState: holder }])).rejected).toEqual([]);
    const before = await stored('quotes');
    // A writer that skips the checks still cannot give the number to a second document.
    const intruder = quoteDoc(newId(), office.a.id, holder.number);
    await expect(
      server.storage.writeDocs(
        'quotes',
        [intruder.id],
        () => [
          {
            write: { id: intruder.id, ownerId: office.a.id, teamId: null, doc: intruder },
            result: null,
          },
        ],
        {
          lookup: [],
          issued: () => ({
            taken: [{ kind: 'quote', number: holder.number, docId: intruder.id }],
            seen: [],
          }),
        },
      ),
    ).rejects.toThrow();
    expect(await stored('quotes')).toBe(before);
  });

  it('holds the numbers of office-written documents too', async () => {
    const imported = quoteDoc(newId(), office.a.id, `Q-${sa}-00030`);
    const { _deleted: _, ...record } = imported;
    // Office data with a number twice: the first keeps it, the import does not fail.
    const twin = { ...record, id: newId() };
    await writeOfficeDocs(server.storage, 'quotes', [record, twin]);
    const res = await push(anna, 'quotes', [
      { newDocumentState: quoteDoc(newId(), office.a.id, imported.number) },
    ]);
    expect(res.rejected).toEqual([expect.objectContaining({ code: 'number_taken' })]);
    expect((await server.storage.highWater(sa)).quote).toBe(30);
  });

  it('lets a revision keep its quote’s number, once per revision', async () => {
    const number = `Q-${sa}-00040`;
    const original = quoteDoc(newId(), office.a.id, number);
    const revise = (of: { id: string; revisionNumber: number }, id = newId()) => ({
      ...quoteDoc(id, office.a.id, number),
      revisionNumber: of.revisionNumber + 1,
      previousQuoteId: of.id,
    });
    const first = revise(original);
    // The quote and its revision made offline arrive in one push.
    expect(
      await push(anna, 'quotes', [{ newDocumentState: original }, { newDocumentState: first }]),
    ).toEqual({ conflicts: [], rejected: [] });
    // Another device revising the same quote again, as revision 1: the number is taken.
    const twin = revise(original);
    const before = await stored('quotes');
    const res = await push(anna, 'quotes', [{ newDocumentState: twin }]);
    expect(res.rejected).toEqual([expect.objectContaining({ code: 'number_taken' })]);
    expect(await stored('quotes')).toBe(before);
    // A revision of a quote with another number cannot borrow this one.
    const other = quoteDoc(newId(), office.a.id, `Q-${sa}-00041`);
    expect((await push(anna, 'quotes', [{ newDocumentState: other }])).rejected).toEqual([]);
    const borrowed = await push(anna, 'quotes', [{ newDocumentState: revise(other) }]);
    expect(borrowed.rejected).toEqual([expect.objectContaining({ code: 'number_taken' })]);
    expect(
      (await push(anna, 'quotes', [{ newDocumentState: { ...revise(first), revisionNumber: 5 } }]))
        .rejected,
    ).toEqual([expect.objectContaining({ code: 'number_taken' })]);
    // A revised id no database may read is refused in plain words, not with a server error.
    const odd = await push(anna, 'quotes', [
      { newDocumentState: { ...revise(first), previousQuoteId: 'q\u0000-1' } },
    ]);
    expect(odd.rejected).toHaveLength(1);
    // The next revision is fine.
    expect((await push(anna, 'quotes', [{ newDocumentState: revise(first) }])).rejected).toEqual(
      [],
    );
  });
});
