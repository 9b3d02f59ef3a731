import { describe, expect, it } from 'vitest';
import { computeTotals, lineAmount, totalsEqual } from '../domain/money';
import { parseDocumentNumber } from '../domain/numbering';
import type { RecordOf, RecordType } from '../domain/records';
import {
  invoiceStates,
  leadStatuses,
  opportunityStages,
  opportunityStatuses,
  orderStates,
  quoteStatuses,
  recordSchemas,
  activityTypes,
} from '../domain/records';
import { matchesSearch } from '../domain/search';
import { derivedId } from '../domain/ids';
import { qualifiedIds } from '../domain/lead-qualify';
import type { Dataset } from './index';
import {
  datasetSizes,
  generateActivities,
  generateDataset,
  generateLeadChunks,
  generateLeads,
  regardable,
} from './index';

const demo = generateDataset({ seed: 1 });

const collections: { [K in RecordType]?: (d: Dataset) => readonly RecordOf[K][] } = {
  lead: (d) => d.leads,
  account: (d) => d.accounts,
  contact: (d) => d.contacts,
  opportunity: (d) => d.opportunities,
  quote: (d) => d.quotes,
  order: (d) => d.orders,
  invoice: (d) => d.invoices,
  activity: (d) => d.activities,
  product: (d) => d.products,
  pricelist: (d) => d.priceLists,
  refdata: (d) => d.refdata,
};

describe('generateDataset (demo preset)', () => {
  it('has the demo sizes and people', () => {
    const { demo: sizes } = datasetSizes;
    expect(demo.leads).toHaveLength(sizes.leads);
    expect(demo.accounts).toHaveLength(sizes.accounts);
    expect(demo.contacts).toHaveLength(sizes.contacts);
    expect(demo.opportunities).toHaveLength(sizes.opportunities);
    expect(demo.quotes).toHaveLength(sizes.quotes);
    expect(demo.orders).toHaveLength(sizes.orders);
    // Canceled invoices come with the credit notes that canceled them.
    const credited = demo.invoices.filter((i) => i.documentType === 'invoice');
    expect(credited).toHaveLength(sizes.invoices);
    for (const cn of demo.invoices.filter((i) => i.documentType === 'creditNote')) {
      const invoice = credited.find((i) => i.id === cn.correctedInvoiceId);
      expect(invoice).toMatchObject({ state: 'canceled', number: cn.correctedInvoiceNumber });
      expect(cn.number).toMatch(/^NC\/\d{4}\//);
    }
    expect(demo.activities).toHaveLength(sizes.activities);
    expect(demo.teams).toHaveLength(2);
    const roles = demo.users.map((u) => u.role);
    expect(roles.filter((r) => r === 'seller')).toHaveLength(6);
    expect(roles.filter((r) => r === 'manager')).toHaveLength(2);
    expect(roles.filter((r) => r === 'admin')).toHaveLength(1);
    expect(demo.users[0]?.email).toBe('anna.rossi@demo.fairlead.test');
    expect(demo.users.map((u) => u.email)).toContain('nicolo.bianchi@demo.fairlead.test');
    expect(new Set(demo.users.map((u) => u.email)).size).toBe(demo.users.length);
  });

  it('passes the zod schema of every record', () => {
    for (const [type, get] of Object.entries(collections)) {
      const schema = recordSchemas[type as RecordType];
      for (const record of get?.(demo) ?? []) {
        const parsed = schema.safeParse(record);
        if (!parsed.success) throw new Error(`${type} ${JSON.stringify(parsed.error.issues)}`);
      }
    }
  });

  it('has unique ids across all records', () => {
    const ids = Object.values(collections).flatMap((get) => (get?.(demo) ?? []).map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('represents every lifecycle stage and state', () => {
    const has = <T>(values: readonly T[], wanted: readonly T[]) =>
      expect(new Set(values)).toEqual(new Set(wanted));
    has(
      demo.leads.map((l) => l.status),
      leadStatuses,
    );
    has(
      demo.opportunities.map((o) => o.stage),
      opportunityStages,
    );
    has(
      demo.opportunities.map((o) => o.status),
      opportunityStatuses,
    );
    has(
      demo.quotes.map((q) => q.status),
      quoteStatuses,
    );
    has(
      demo.orders.map((o) => o.state),
      orderStates,
    );
    has(
      demo.invoices.map((i) => i.state),
      invoiceStates,
    );
    has(
      demo.activities.map((a) => a.type),
      activityTypes,
    );
  });

  it('builds documents whose lines and totals add up', () => {
    for (const doc of [...demo.quotes, ...demo.orders, ...demo.invoices]) {
      expect(doc.lines.length).toBeGreaterThan(0);
      for (const line of doc.lines) {
        expect(line.amount).toBe(lineAmount(line.unitPrice, line.quantity, line.discount));
      }
      expect(totalsEqual(doc.totals, computeTotals(doc))).toBe(true);
    }
    const rates = new Set(demo.quotes.flatMap((q) => q.totals.vat.map((v) => v.rate)));
    expect([...rates]).toEqual(expect.arrayContaining([400, 1000, 2200]));
    expect(new Set(demo.quotes.map((q) => q.currency))).toEqual(new Set(['EUR', 'USD']));
    for (const o of demo.opportunities.filter((o) => o.revenueMode === 'system')) {
      expect(o.estimatedRevenue).toBe(o.lines.reduce((s, l) => s + l.amount, 0));
    }
  });

  it('numbers documents per seller series, gap-free and in creation order', () => {
    const series = new Map(
      demo.refdata
        .filter((r) => r.kind === 'numbering')
        .map((r) => [r.data['userId'] as string, r.key]),
    );
    const seen = new Map<string, number[]>();
    const quoteNumbers = [...new Set(demo.quotes.map((q) => `${q.number}|${q.ownerId}`))];
    const numbered = [
      ...quoteNumbers.map((s) => s.split('|') as [string, string]),
      ...demo.orders.map((o) => [o.number, o.ownerId] as const),
      ...demo.invoices.map((i) => [i.number, i.ownerId] as const),
    ];
    for (const [number, ownerId] of numbered) {
      const parsed = parseDocumentNumber(number);
      expect(parsed, number).not.toBeNull();
      expect(parsed?.series).toBe(series.get(ownerId));
      const key = `${parsed?.kind}/${parsed?.series}/${parsed?.year ?? ''}`;
      seen.set(key, [...(seen.get(key) ?? []), parsed?.seq ?? 0]);
    }
    for (const seqs of seen.values()) {
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }
    // Opportunities carry no number, as the lifecycle rules create them.
    expect(demo.opportunities.every((o) => o.number === '')).toBe(true);
    // Revisions share the number of the quote they revise and chain to it.
    for (const quote of demo.quotes.filter((q) => q.revisionNumber > 0)) {
      const previous = demo.quotes.find((q) => q.id === quote.previousQuoteId);
      expect(previous?.number).toBe(quote.number);
      expect(previous?.status).toBe('revised');
      expect(quote.id).toBe(derivedId(quote.previousQuoteId ?? '', 'revision'));
      expect(quote.lines.map((l) => l.id)).toEqual(previous?.lines.map((l) => l.id));
    }
  });

  it('links qualified leads, documents and activities to records that exist', () => {
    const ids = new Set(
      Object.values(collections).flatMap((get) => (get?.(demo) ?? []).map((r) => r.id)),
    );
    const qualified = demo.leads.filter((l) => l.state === 'qualified');
    expect(qualified.length).toBeGreaterThan(10);
    for (const lead of qualified) {
      // The same ids the qualify rule would derive, so re-qualifying creates nothing twice.
      const expected = qualifiedIds(lead.id);
      expect(lead.qualifiedAccountId).toBe(expected.account);
      expect(lead.qualifiedContactId).toBe(expected.contact);
      expect(lead.qualifiedOpportunityId).toBe(expected.opportunity);
      expect(ids.has(lead.qualifiedAccountId ?? '')).toBe(true);
      expect(ids.has(lead.qualifiedContactId ?? '')).toBe(true);
      expect(ids.has(lead.qualifiedOpportunityId ?? '')).toBe(true);
    }
    for (const doc of [...demo.quotes, ...demo.orders, ...demo.invoices, ...demo.opportunities]) {
      if (doc.accountId !== null) expect(ids.has(doc.accountId)).toBe(true);
      if (doc.priceListId !== null) expect(ids.has(doc.priceListId)).toBe(true);
    }
    for (const order of demo.orders.filter((o) => o.quoteId !== null)) {
      expect(demo.quotes.find((q) => q.id === order.quoteId)?.state).toBe('won');
    }
    for (const invoice of demo.invoices.filter((i) => i.orderId !== null)) {
      expect(demo.orders.find((o) => o.id === invoice.orderId)?.state).toBe('invoiced');
    }
    for (const activity of demo.activities) expect(ids.has(activity.regardingId)).toBe(true);
  });

  it('has plausible people: accents, trade fairs, consent, VAT numbers', () => {
    const names = demo.leads.map((l) => `${l.firstName} ${l.lastName} ${l.company}`).join(' ');
    expect(names).toMatch(/[àèéìòùäöüçñłśżáíóú]/i);
    expect(
      demo.leads.some(
        (l) => l.source === 'trade_fair' && /SPS Italia|Host Milano/.test(l.sourceDetail),
      ),
    ).toBe(true);
    for (const lead of demo.leads) {
      expect(lead.consent.given).toBe(lead.consent.at !== null);
    }
    const italian = demo.accounts.filter((a) => a.vatNumber.startsWith('IT'));
    expect(italian.length).toBeGreaterThan(10);
    for (const a of italian) expect(a.vatNumber).toMatch(/^IT\d{11}$/);
    const accented = demo.leads.find((l) => /ò|ü|é|ł/.test(l.firstName + l.lastName));
    expect(accented).toBeDefined();
    if (accented) {
      const plain = accented.lastName.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      expect(matchesSearch(accented.searchTerms, plain)).toBe(true);
    }
    expect(demo.products.some((p) => !p.active)).toBe(true);
  });
});

describe('determinism', () => {
  it('gives the same output for the same seed and a different one for another seed', () => {
    const again = generateDataset({ seed: 1 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
    const other = generateDataset({ seed: 2 });
    expect(other.leads[0]?.id).not.toBe(demo.leads[0]?.id);
    expect(JSON.stringify(other.leads)).not.toBe(JSON.stringify(demo.leads));
    // People do not depend on the seed, so demo sign-in details stay stable.
    expect(other.users).toEqual(demo.users);
  });

  it('derives timestamps from now', () => {
    const d = generateDataset({
      seed: 1,
      now: '2030-05-01T12:00:00.000Z',
      leads: 20,
      activities: 20,
    });
    for (const r of [...d.leads, ...d.opportunities, ...d.activities]) {
      expect(r.createdAt <= '2030-05-01T12:00:00.000Z').toBe(true);
      expect(r.createdAt >= '2028-03-01').toBe(true); // accounts go back about two years
    }
    expect(d.invoices.every((i) => /^(INV|NC)\/(2029|2030)\//.test(i.number))).toBe(true);
  });
});

describe('generateLeads (streaming)', () => {
  const owners = ['u1', 'u2', 'u3'];

  it('streams the same leads as a collected run and in chunks', () => {
    const streamed = [...generateLeads(7, 250, owners)];
    const chunks = [...generateLeadChunks(7, 250, owners, 100)];
    expect(chunks.map((c) => c.length)).toEqual([100, 100, 50]);
    expect(chunks.flat()).toEqual(streamed);
    // A prefix of a longer stream is the shorter stream.
    expect([...generateLeads(7, 100, owners)]).toEqual(streamed.slice(0, 100));
  });

  it('yields schema-valid leads with no dangling references by default', () => {
    let count = 0;
    for (const lead of generateLeads(3, 500, owners)) {
      expect(recordSchemas.lead.safeParse(lead).success).toBe(true);
      expect(lead.state).not.toBe('qualified');
      expect(owners).toContain(lead.ownerId);
      count++;
    }
    expect(count).toBe(500);
    expect(() => [...generateLeads(1, 1, [])]).toThrow(RangeError);
  });
});

describe('generateActivities (streaming)', () => {
  it('streams activities on the given records, deterministically', () => {
    const records = demo.quotes.map((q) => regardable('quote', q));
    const nowMs = Date.parse('2026-11-30T09:00:00.000Z');
    const first = [...generateActivities(4, 300, records, nowMs)];
    expect(first).toEqual([...generateActivities(4, 300, records, nowMs)]);
    expect(first).toHaveLength(300);
    const ids = new Set(records.map((r) => r.id));
    for (const a of first) {
      expect(a.regardingType).toBe('quote');
      expect(ids.has(a.regardingId)).toBe(true);
      expect(recordSchemas.activity.safeParse(a).success).toBe(true);
    }
    expect([...generateActivities(4, 10, [], nowMs)]).toEqual([]);
  });
});

describe('other sizes', () => {
  it('copes with empty and tiny datasets', () => {
    const empty = generateDataset({
      seed: 5,
      leads: 0,
      accounts: 0,
      contacts: 0,
      opportunities: 0,
      quotes: 5,
      orders: 5,
      invoices: 5,
      activities: 5,
    });
    expect(empty.quotes).toEqual([]);
    expect(empty.orders).toEqual([]);
    expect(empty.activities).toEqual([]);
    expect(empty.products.length).toBeGreaterThan(20);
    const tiny = generateDataset({
      seed: 5,
      sellers: 1,
      teams: 1,
      leads: 3,
      accounts: 2,
      contacts: 1,
      opportunities: 1,
      quotes: 4,
      orders: 2,
      invoices: 3,
      activities: 3,
    });
    expect(tiny.quotes).toHaveLength(4);
    expect(tiny.orders).toHaveLength(2);
    expect(tiny.invoices.filter((i) => i.documentType === 'invoice')).toHaveLength(3);
  });

  it('keeps the office preset sizes of DESIGN.md §7', () => {
    expect(datasetSizes.office).toMatchObject({
      sellers: 100,
      teams: 10,
      leads: 100_000,
      accounts: 20_000,
      contacts: 30_000,
      opportunities: 25_000,
      quotes: 15_000,
      orders: 8_000,
      invoices: 8_000,
      activities: 300_000,
    });
    const oneTenth = generateDataset({
      seed: 9,
      sellers: 100,
      teams: 10,
      leads: 2000,
      accounts: 400,
      contacts: 600,
      opportunities: 500,
      quotes: 300,
      orders: 160,
      invoices: 160,
      activities: 2000,
    });
    expect(oneTenth.users.filter((u) => u.role === 'seller')).toHaveLength(100);
    expect(oneTenth.teams).toHaveLength(10);
    expect(new Set(oneTenth.users.map((u) => u.email)).size).toBe(oneTenth.users.length);
  });
});
