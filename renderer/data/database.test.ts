import { createRxDatabase } from 'rxdb';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/domain/context';
import { generateLeads } from '../../shared/dataset/leads';
import type { Lead } from '../../shared/domain/records';
import { collectionNames } from '../../shared/domain/records';
import { searchTermsForLead } from '../../shared/domain/search';
import { createCommands } from './commands/index';
import type { FairleadDatabase } from './database';
import { loadDataset } from './load';
import { readNumbering, setupNumbering } from './numbering-store';
import type { LeadV0 } from './schema/lead-v0';
import { leadSchemaV0 } from './schema/lead-v0';
import type { AccountV0, InvoiceV0, OrderV0 } from './schema/invoicing-v0';
import { accountSchemaV0, invoiceSchemaV0, orderSchemaV0 } from './schema/invoicing-v0';
import type { ContactV0 } from './schema/contact-v0';
import { contactSchemaV0 } from './schema/contact-v0';
import { twoLineInvoice } from '../../shared/domain/invoice-fixtures';
import { sampleOrder } from '../../shared/domain/test-fixtures';
import { StoreError } from './store-error';
import { openTestDatabase, steppingClock, testStorage, uniqueName, unwrap } from './test-support';

const seller: Actor = { userId: 'user-seller', role: 'seller', teamId: null };
const owner = '0190a000-0000-7000-8000-000000000001';
const sampleLead = (): Lead => generateLeads(7, 1, [owner]).next().value as Lead;

let db: FairleadDatabase | undefined;
afterEach(async () => {
  await db?.remove();
  db = undefined;
});

describe('createFairleadDatabase', () => {
  it('opens the twelve collections of the device', async () => {
    db = await openTestDatabase();
    expect(Object.keys(db.collections).sort()).toEqual(Object.values(collectionNames).sort());
    expect(db.leads.schema.version).toBe(3);
  });
});

describe('bad data never enters the store', () => {
  it('refuses a document that fails its schema, naming the field and why', async () => {
    db = await openTestDatabase();
    const bad = { ...sampleLead(), rating: 'lukewarm' } as unknown as Lead;
    const error = await loadDataset(db, { lead: [bad] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    const storeError = error as StoreError;
    expect(storeError.field).toBe('rating');
    expect(storeError.message).toMatch(/rating must be one of: hot, warm, cold/);
    expect(storeError.localized.it).toMatch(/Il campo rating/);
    expect(await db.leads.count().exec()).toBe(0);
  });

  it('names nested and missing fields', async () => {
    db = await openTestDatabase();
    const lead = sampleLead();
    const nested = { ...lead, address: { ...lead.address, country: 'ITALY' } };
    const e1 = (await loadDataset(db, { lead: [nested] }).catch((e: unknown) => e)) as StoreError;
    expect([e1.field, e1.message]).toEqual([
      'address.country',
      expect.stringMatching(/longer than 2/),
    ]);
    const { email: _dropped, ...missing } = lead;
    const e2 = (await loadDataset(db, { lead: [missing as Lead] }).catch(
      (e: unknown) => e,
    )) as StoreError;
    expect([e2.field, e2.message]).toEqual(['email', expect.stringMatching(/is missing/)]);
  });
});

describe('schema migration', () => {
  it('opens a store written with lead schema version 0 and migrates its leads', async () => {
    const name = uniqueName('fairlead-migrate');
    const old = await createRxDatabase({
      name,
      storage: wrappedValidateAjvStorage({ storage: testStorage() }),
      multiInstance: false,
    });
    await old.addCollections({ leads: { schema: leadSchemaV0() } });
    const {
      searchTerms: _none,
      tradeFairId: _f,
      fairAnswers: _a,
      ...v0
    } = {
      ...sampleLead(),
      firstName: 'Nicolò',
      lastName: 'Sàrti',
    };
    await old.collections['leads']?.insert(v0 satisfies LeadV0);
    await old.close();

    db = await openTestDatabase(name);
    const migrated = await db.leads.findOne(v0.id).exec();
    expect(migrated?.firstName).toBe('Nicolò');
    expect(migrated?.searchTerms).toEqual(searchTermsForLead(v0));
    expect(migrated?.searchTerms).toEqual(expect.arrayContaining(['nicolo', 'sarti']));
    expect([migrated?.tradeFairId, migrated?.fairAnswers]).toEqual([null, []]);
  });

  it('opens a store written with contact schema version 0; its contacts have no consent yet', async () => {
    const name = uniqueName('fairlead-migrate');
    const old = await createRxDatabase({
      name,
      storage: wrappedValidateAjvStorage({ storage: testStorage() }),
      multiInstance: false,
    });
    await old.addCollections({ contacts: { schema: contactSchemaV0() } });
    const contact: ContactV0 = {
      id: 'c-v0',
      ownerId: owner,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      updatedBy: owner,
      accountId: null,
      firstName: 'Ada',
      lastName: 'Neri',
      jobTitle: '',
      email: 'ada@neri.example',
      phone: '',
      mobile: '',
      originatingLeadId: null,
      searchTerms: ['ada', 'neri'],
    };
    await old.collections['contacts']?.insert(contact);
    await old.close();

    db = await openTestDatabase(name);
    expect(db.contacts.schema.version).toBe(2);
    const migrated = await db.contacts.findOne('c-v0').exec();
    expect(migrated?.toJSON()).toMatchObject({ firstName: 'Ada', email: 'ada@neri.example' });
    expect(migrated?.consent).toBeUndefined();
  });

  it('migrates version 0 accounts and invoices to the invoicing fields', async () => {
    const name = uniqueName('fairlead-migrate');
    const old = await createRxDatabase({
      name,
      storage: wrappedValidateAjvStorage({ storage: testStorage() }),
      multiInstance: false,
    });
    await old.addCollections({
      accounts: { schema: accountSchemaV0() },
      invoices: { schema: invoiceSchemaV0() },
      orders: { schema: orderSchemaV0() },
    });
    const stamp = {
      ownerId: owner,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      updatedBy: owner,
    };
    const account: AccountV0 = {
      id: 'a-de',
      ...stamp,
      name: 'Müller GmbH',
      vatNumber: 'DE123456789',
      taxCode: '',
      address: { city: 'München', country: 'DE' },
      email: '',
      phone: '',
      website: '',
      industry: '',
      sdiCode: 'XXXXXXX',
      pec: '',
      originatingLeadId: null,
      searchTerms: ['muller'],
    };
    const {
      documentType: _t,
      correctedInvoiceId: _i,
      correctedInvoiceNumber: _n,
      correctedInvoiceDate: _d,
      payments: _p,
      credits: _c,
      customerReference: _r,
      ...invoice
    } = twoLineInvoice();
    const { customerReference: _o, ...order } = sampleOrder();
    await old.collections['orders']?.insert(order satisfies OrderV0);
    await old.collections['accounts']?.insert(account);
    await old.collections['invoices']?.insert({
      ...invoice,
      state: 'paid',
      status: 'paid',
      paidDate: '2026-03-20',
    } satisfies InvoiceV0);
    await old.close();

    db = await openTestDatabase(name);
    expect([db.accounts.schema.version, db.invoices.schema.version]).toEqual([2, 2]);
    expect((await db.orders.findOne(order.id).exec())?.toMutableJSON()).toMatchObject({
      number: order.number,
      customerReference: '',
    });
    const a = (await db.accounts.findOne('a-de').exec())?.toMutableJSON();
    expect(a).toMatchObject({ name: 'Müller GmbH', shippingAddress: {}, documentLanguage: 'en' });
    const i = (await db.invoices.findOne(invoice.id).exec())?.toMutableJSON();
    expect(i).toMatchObject({
      state: 'paid',
      documentType: 'invoice',
      correctedInvoiceId: null,
      correctedInvoiceNumber: null,
      correctedInvoiceDate: null,
      payments: [],
      credits: [],
      customerReference: '',
    });
  });
});

describe('numbering on the device', () => {
  it('stays gap-free and unique across a reopen and after a crash that lost the state', async () => {
    const name = uniqueName('fairlead-numbering');
    db = await openTestDatabase(name);
    await setupNumbering(db, 'NR');
    const clock = steppingClock();
    const commands = createCommands(db, seller, { clock });
    const opp = unwrap(await commands.opportunity.create({ topic: 'Impianto' }));
    expect(unwrap(await commands.quote.create({ opportunityId: opp.id })).number).toBe(
      'Q-NR-00001',
    );
    await db.close();

    db = await openTestDatabase(name);
    const again = createCommands(db, seller, { clock });
    expect(unwrap(await again.quote.create({ opportunityId: opp.id })).number).toBe('Q-NR-00002');
    // A quote stored before the state was saved (the app was killed in between).
    const stored = (await db.quotes.findOne().exec())?.toMutableJSON(false);
    await db.quotes.insert({ ...stored!, id: 'written-before-crash', number: 'Q-NR-00003' });
    expect(unwrap(await again.quote.create({ opportunityId: opp.id })).number).toBe('Q-NR-00004');
    expect((await readNumbering(db))?.quote).toBe(4);
  });

  it('refuses numbered commands before the device has a series', async () => {
    db = await openTestDatabase();
    const commands = createCommands(db, seller);
    const opp = unwrap(await commands.opportunity.create({ topic: 'Impianto' }));
    const result = await commands.quote.create({ opportunityId: opp.id });
    expect(result.ok ? '' : result.error.code).toBe('numbering.not_set_up');
    expect(await db.quotes.count().exec()).toBe(0);
  });
});
