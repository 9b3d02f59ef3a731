// GDPR requests on a real store: erasure of a person found by email, phone or name at a
// company (leads, contacts, accounts, timelines, documents' free text), and the subject
// access export, from the command line and the admin API.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity, Contact } from '../../shared/domain/records';
import type { FairleadServer } from '../src/app';
import { runAdmin } from '../src/admin';
import { parseCsv } from '../src/csv';
import { newId } from '../src/ids';
import { writeOfficeDocs } from '../src/office';
import { accountDoc, invoiceDoc, leadDoc, quoteDoc } from './fixtures';
import type { Office, Place } from './harness';
import { adapters, freshPlace, seedOffice, signIn, startServer } from './harness';

const at = '2026-03-05T10:00:00.000Z';

/** Mario Verdi, met at a fair and qualified: lead, account, contact, timeline, documents. */
const seedPerson = async (server: FairleadServer, ownerId: string, tag: string, phone: string) => {
  const ids = {
    lead: newId(),
    account: newId(),
    contact: newId(),
    note: newId(),
    mention: newId(),
    quote: newId(),
    invoice: newId(),
    other: newId(),
  };
  const email = `mario.verdi.${tag}@verdi.example`;
  const { _deleted: _l, ...lead } = leadDoc(ids.lead, ownerId, {
    firstName: 'Mario',
    lastName: 'Verdi',
    company: `Verdi ${tag} Srl`,
    email,
    phone,
    notes: 'Wants cranes',
    state: 'qualified',
    status: 'qualified',
    qualifiedAccountId: ids.account,
    qualifiedContactId: ids.contact,
    searchTerms: ['mario', 'verdi'],
  });
  const { _deleted: _a, ...account } = accountDoc(ids.account, ownerId, {
    name: `Verdi ${tag} Srl`,
    vatNumber: 'IT01234567897',
    email,
    phone,
    originatingLeadId: ids.lead,
  });
  const contact: Contact = {
    id: ids.contact,
    ownerId,
    createdAt: at,
    updatedAt: at,
    updatedBy: ownerId,
    accountId: ids.account,
    firstName: 'Mario',
    lastName: 'Verdi',
    jobTitle: 'Owner',
    email,
    phone,
    mobile: '',
    originatingLeadId: ids.lead,
    searchTerms: ['mario', 'verdi'],
  };
  const activity = (id: string, regarding: 'contact' | 'account', regardingId: string) =>
    ({
      id,
      ownerId,
      createdAt: at,
      updatedAt: at,
      updatedBy: ownerId,
      type: 'note',
      regardingType: regarding,
      regardingId,
      subject: 'Call',
      body: '',
      event: null,
      data: null,
      due: null,
      completedAt: null,
      state: 'completed',
      occurredAt: at,
    }) satisfies Activity;
  const note = { ...activity(ids.note, 'contact', ids.contact), body: 'Prefers mornings' };
  const mention = {
    ...activity(ids.mention, 'account', ids.account),
    subject: 'Called Mario Verdi',
    body: `Reach VERDI Mario on ${phone.replace(/ /g, '-')} or write to ${email}; the buyer is Luca.`,
  };
  const { _deleted: _q, ...quote } = quoteDoc(ids.quote, ownerId, `Q-${tag}`);
  const { _deleted: _i, ...invoice } = invoiceDoc(ids.invoice, ownerId, `INV/2026/${tag}`);
  const { _deleted: _o, ...other } = leadDoc(ids.other, ownerId, {
    email: `giulia.${tag}@b.example`,
  });
  await writeOfficeDocs(server.storage, 'leads', [lead, other]);
  await writeOfficeDocs(server.storage, 'accounts', [account]);
  await writeOfficeDocs(server.storage, 'contacts', [contact]);
  await writeOfficeDocs(server.storage, 'activities', [note, mention]);
  await writeOfficeDocs(server.storage, 'quotes', [
    { ...quote, contactId: ids.contact, accountId: ids.account, paymentTerms: 'Ask Mario Verdi' },
  ]);
  await writeOfficeDocs(server.storage, 'invoices', [
    { ...invoice, accountId: ids.account, name: `Cranes for Mario Verdi (${email})` },
  ]);
  return { ids, email };
};

describe.each(adapters)('GDPR requests on %s', (adapter) => {
  let place: Place;
  let server: FairleadServer;
  let office: Office;
  let folder: string;
  const admin = (...argv: string[]) => runAdmin(server.storage, argv);
  const doc = async (
    collection: 'leads' | 'contacts' | 'accounts' | 'activities' | 'quotes' | 'invoices',
    id: string,
  ) => (await server.storage.getDocs(collection, [id])).get(id);

  beforeAll(async () => {
    place = await freshPlace(adapter);
    server = await startServer(place);
    office = await seedOffice(server);
    folder = mkdtempSync(join(tmpdir(), 'fairlead-gdpr-'));
  });
  afterAll(async () => {
    await server?.close();
    await place?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('exports every record about a person as JSON and as CSV from the command line', async () => {
    const { ids, email } = await seedPerson(server, office.a.id, 'export', '02 1111 2222');
    const json = join(folder, 'mario.json');
    const csv = join(folder, 'mario.csv');
    expect(
      await admin('subject-export', '--email', email, '--format', 'json', '--out', json),
    ).toMatch(/Wrote 7 records/);
    const data = JSON.parse(readFileSync(json, 'utf8')) as {
      format: string;
      records: Record<string, { id: string }[]>;
    };
    expect(data.format).toBe('fairlead-subject-export');
    const idsOf = (c: string) => (data.records[c] ?? []).map((r) => r.id).sort();
    expect(idsOf('leads')).toEqual([ids.lead]);
    expect(idsOf('contacts')).toEqual([ids.contact]);
    expect(idsOf('accounts')).toEqual([ids.account]);
    expect(idsOf('activities')).toEqual([ids.note, ids.mention].sort());
    expect(idsOf('quotes')).toEqual([ids.quote]);
    expect(idsOf('invoices')).toEqual([ids.invoice]);
    expect(JSON.stringify(data)).not.toContain(ids.other);

    // Found by phone written another way, the same records come out as CSV.
    await admin('subject-export', '--phone', '+39 02 11112222', '--format', 'csv', '--out', csv);
    const rows = parseCsv(readFileSync(csv, 'utf8')).map((r) => r.cells);
    expect(rows[0]).toEqual(['collection', 'id', 'field', 'value']);
    expect(rows).toContainEqual(['leads', ids.lead, 'email', email]);
    expect(rows).toContainEqual(['contacts', ids.contact, 'phone', '02 1111 2222']);
    expect(rows).toContainEqual(['leads', ids.lead, 'consent.how', 'badge scan']);
    expect(new Set(rows.slice(1).map((r) => r[1]))).toEqual(
      new Set([ids.lead, ids.contact, ids.account, ids.note, ids.mention, ids.quote, ids.invoice]),
    );
    await expect(
      admin('subject-export', '--email', email, '--format', 'xml', '--out', csv),
    ).rejects.toThrow(/json or csv/);
    await expect(
      admin('subject-export', '--name', 'Mario Verdi', '--format', 'json', '--out', csv),
    ).rejects.toThrow(/both the name and the company/);
  });

  it('erases a person found by phone everywhere, keeping the invoice’s fiscal data', async () => {
    const { ids, email } = await seedPerson(server, office.a.id, 'phone', '02 1234 5678');
    const before = await doc('invoices', ids.invoice);
    expect(await admin('erase', '--phone', '+39 02 12345678')).toMatch(/1 leads, 1 contacts/);

    for (const [collection, id] of [
      ['leads', ids.lead],
      ['contacts', ids.contact],
      ['activities', ids.note],
    ] as const) {
      const stored = await doc(collection, id);
      expect(stored?.deleted, `${collection} is a tombstone`).toBe(true);
      expect(JSON.stringify(stored?.doc)).not.toMatch(/Mario|Verdi|1234/);
    }
    const account = (await doc('accounts', ids.account))?.doc as Record<string, unknown>;
    // The company stays a customer; the person's email and phone copied by qualify go.
    expect(account).toMatchObject({
      name: 'Verdi phone Srl',
      vatNumber: 'IT01234567897',
      email: '',
      phone: '',
    });
    const mention = (await doc('activities', ids.mention))?.doc as Activity;
    expect(mention.subject).toBe('Called [erased]');
    expect(mention.body).toBe(
      'Reach [erased] on [erased] or write to [erased]; the buyer is Luca.',
    );
    const quote = (await doc('quotes', ids.quote))?.doc as Record<string, unknown>;
    expect(quote).toMatchObject({ contactId: null, paymentTerms: 'Ask [erased]' });
    const invoice = await doc('invoices', ids.invoice);
    expect(invoice?.deleted).toBe(false);
    expect(invoice?.doc).toMatchObject({
      number: 'INV/2026/phone',
      accountId: ids.account,
      name: 'Cranes for [erased] ([erased])',
      totals: (before?.doc as Record<string, unknown>).totals,
    });
    // New revisions: every device pulls them after its checkpoint.
    expect(invoice?.seq).toBeGreaterThan(before?.seq ?? Infinity);
    expect(JSON.stringify((await doc('leads', ids.other))?.doc)).toContain('Giulia');
    expect(JSON.stringify(invoice?.doc)).not.toContain(email);
    // A namesake at another customer is someone else: his timeline keeps his name.
    const namesake = (await server.storage.allDocs('activities')).filter((d) =>
      JSON.stringify(d.doc).includes('02-1111-2222'),
    );
    expect(namesake.map((d) => (d.doc as Activity).subject)).toEqual(['Called Mario Verdi']);
    await expect(admin('erase', '--phone', '02 1234 5678')).rejects.toThrow(/No lead or contact/);
  });

  it('finds a person by name at a company', async () => {
    const { ids } = await seedPerson(server, office.a.id, 'name', '02 3333 4444');
    expect(await admin('erase', '--name', 'mario  verdi', '--company', 'VERDI name srl')).toMatch(
      /1 leads, 1 contacts/,
    );
    expect((await doc('leads', ids.lead))?.deleted).toBe(true);
    await expect(admin('erase', '--phone', '123')).rejects.toThrow(/at least 7 digits/);
  });

  it('answers the admin API, and only to an administrator', async () => {
    const { ids, email } = await seedPerson(server, office.a.id, 'api', '02 5555 6666');
    const seller = await signIn(server, 'anna@north.example');
    const refused = await seller.post('/api/admin/privacy/subject-export', { email });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { messages: { it: string } }).messages.it).toMatch(
      /amministratore/,
    );
    const anonymous = await fetch(`${server.url}/api/admin/privacy/erasure`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    expect(anonymous.status).toBe(401);

    const officer = await signIn(server, 'admin@office.example');
    const csv = await officer.post('/api/admin/privacy/subject-export', { email, format: 'csv' });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('cache-control')).toBe('no-store');
    expect(await csv.text()).toContain(`leads,${ids.lead},email,${email}`);
    const json = await officer.post('/api/admin/privacy/subject-export', { email });
    expect(((await json.json()) as { records: { leads: unknown[] } }).records.leads).toHaveLength(
      1,
    );

    const bad = await officer.post('/api/admin/privacy/erasure', { email, extra: 1 });
    expect(bad.status).toBe(400);
    const erased = await officer.post('/api/admin/privacy/erasure', { email });
    expect(erased.status).toBe(200);
    expect(await erased.json()).toMatchObject({ leads: 1, contacts: 1, invoices: 1 });
    const again = await officer.post('/api/admin/privacy/erasure', { email });
    expect(again.status).toBe(404);
    expect(((await again.json()) as { messages: { en: string } }).messages.en).toMatch(
      /No lead or contact matches/,
    );
  });
});
