// The benchmark page that runs inside Chromium: the real device store (RxDB on Dexie /
// IndexedDB), its commands and the UI's queries, timed with performance.now().
import { filter, firstValueFrom } from 'rxjs';
import { generateDataset, generateLeadChunks } from '../../shared/dataset';
import type { Lead } from '../../shared/domain/records';
import { createFairleadDatabase } from '../../renderer/data/database';
import type { FairleadDatabase } from '../../renderer/data/database';
import { loadDataset } from '../../renderer/data/load';
import { prepareSearch } from '../../renderer/data/search/search';
import { createCommands } from '../../renderer/data/commands';
import { createStoreQueries } from '../../renderer/app/store-queries';
import type { DataKey } from '../../renderer/data/encryption/record-cipher';
import { generateDataKey } from '../../renderer/data/encryption/record-cipher';
import type { BenchApi, BenchGlobal } from './api';
import { firstSync, pouchReplicate, rawIndexedDbWrite } from '../sync/page-sync.web';
import { eInvoiceXml } from '../documents/page-einvoice.web';
import { renderInvoicePdf } from '../documents/page-pdf.web';
import { leadImportThroughput } from '../import/page-import.web';

const OWNER = '0190a000-0000-7000-8000-000000000001';
const allLeads = { text: '', state: 'all', rating: 'all', source: 'all' } as const;
// The leads screen's first window (renderer/features/leads/queries.ts LEAD_PAGE_SIZE).
const FIRST_PAGE = 100;

let db: FairleadDatabase | null = null;
let dbName = '';
const sample: Lead[] = [];
// The data key of encryption at rest for the stores opened next; null: a plaintext store.
let dataKey: DataKey | null = null;

const store = (): FairleadDatabase => {
  if (db === null) throw new Error('the bench store is not open');
  return db;
};

const open = async (): Promise<FairleadDatabase> => {
  db = await createFairleadDatabase({ name: dbName, multiInstance: false, dataKey });
  return db;
};

/** Stores opened from now on are encrypted at rest (a fresh random data key) or not. */
const setEncryption = async (on: boolean) => {
  dataKey = on ? await generateDataKey() : null;
};

/** Loads `count` generated leads (plus a CRM share for the pipeline) through loadDataset. */
const loadLeads = async (count: number, seed: number) => {
  dbName = `bench_device_${count}_${Date.now()}`;
  sample.length = 0;
  await open();
  const crm = generateDataset({
    seed,
    sellers: 1,
    teams: 1,
    leads: 0,
    accounts: Math.ceil(count / 5),
    contacts: 0,
    opportunities: Math.ceil(count / 4),
    quotes: 0,
    orders: 0,
    invoices: 0,
    activities: 0,
  });
  const t0 = performance.now();
  let n = 0;
  const leads = (function* () {
    for (const chunk of generateLeadChunks(seed, count, [OWNER], 2000)) {
      for (const lead of chunk) {
        if (n++ % 997 === 0 && sample.length < 40) sample.push(lead);
        yield lead;
      }
    }
  })();
  const written = await loadDataset(store(), {
    refdata: crm.refdata,
    product: crm.products,
    pricelist: crm.priceLists,
    account: crm.accounts,
    opportunity: crm.opportunities,
    lead: leads,
  });
  const ms = performance.now() - t0;
  // Reopen so the list is measured on a store opened from disk, not from warm caches.
  await store().close();
  await open();
  return { written, ms, opportunities: crm.opportunities.length };
};

const nextFrame = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** The leads list as the UI queries it (first page and count), then 50 rows as DOM rows. */
const listFirstRows = async () => {
  const t0 = performance.now();
  const { rows, total } = await firstValueFrom(
    createStoreQueries(store()).leads(allLeads, FIRST_PAGE),
  );
  const queried = performance.now() - t0;
  const list = document.createElement('ul');
  for (const lead of rows.slice(0, 50)) {
    const li = document.createElement('li');
    li.textContent = `${lead.firstName} ${lead.lastName} — ${lead.company} — ${lead.topic}`;
    list.append(li);
  }
  document.body.replaceChildren(list);
  await nextFrame();
  return { ms: performance.now() - t0, queriedMs: queried, total: total ?? rows.length };
};

/** Search-as-you-type: each prefix of a few last names, as the leads list filters them. */
const searchAsYouType = async (words: number) => {
  const t0 = performance.now();
  await prepareSearch(store());
  const indexMs = performance.now() - t0;
  const queries = createStoreQueries(store());
  const samples: number[] = [];
  let hits = 0;
  for (const lead of sample.slice(0, words)) {
    const word = lead.lastName;
    for (let i = 1; i <= word.length; i++) {
      const start = performance.now();
      const { rows, total } = await firstValueFrom(
        queries.leads({ ...allLeads, text: word.slice(0, i) }, FIRST_PAGE),
      );
      samples.push(performance.now() - start);
      hits += total ?? rows.length;
    }
  }
  return { indexMs, samples, hits };
};

/** Capture a lead and see it at the top of the live list (newest first). */
const captureToList = async (rounds: number) => {
  const commands = createCommands(store(), { userId: OWNER, role: 'seller', teamId: null });
  const seenAt = new Map<string, number>();
  const list = createStoreQueries(store())
    .leads(allLeads, FIRST_PAGE)
    .subscribe(({ rows }) => {
      const first = rows[0];
      if (first && !seenAt.has(first.id)) seenAt.set(first.id, performance.now());
    });
  const samples: number[] = [];
  const commandSamples: number[] = [];
  try {
    await new Promise((r) => setTimeout(r, 50));
    for (let i = 0; i < rounds; i++) {
      const start = performance.now();
      const result = await commands.lead.create({
        firstName: 'Giulia',
        lastName: `Bench ${i}`,
        company: 'Fiera Srl',
        email: `giulia.bench${i}@example.com`,
        source: 'trade_fair',
        sourceDetail: 'Bench Fair',
      });
      if (!result.ok) throw new Error(result.error.message.en);
      commandSamples.push(performance.now() - start);
      const id = result.value.id;
      while (!seenAt.has(id)) await new Promise((r) => setTimeout(r, 1));
      samples.push((seenAt.get(id) as number) - start);
    }
  } finally {
    list.unsubscribe();
  }
  return { samples, commandSamples };
};

/** Pipeline totals per stage over the open opportunities (the pipeline board's query). */
const pipelineTotals = async () => {
  const t0 = performance.now();
  const pipeline = await firstValueFrom(
    createStoreQueries(store())
      .pipeline()
      .pipe(filter((p) => p.columns.length > 0)),
  );
  const ms = performance.now() - t0;
  return {
    ms,
    opportunities: pipeline.columns.reduce((n, c) => n + c.opportunities.length, 0),
    totals: pipeline.columns.map((c) => [c.stage, c.total] as const),
  };
};

const heap = () => {
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return memory?.usedJSHeapSize ?? null;
};

const close = async () => {
  await db?.close();
  db = null;
};

const benchApi: BenchApi = {
  setEncryption,
  loadLeads,
  listFirstRows,
  searchAsYouType,
  captureToList,
  pipelineTotals,
  renderInvoicePdf,
  eInvoiceXml,
  leadImport: leadImportThroughput,
  heap,
  close,
  firstSync,
  rawIndexedDbWrite,
  pouchReplicate,
};

(globalThis as unknown as BenchGlobal).fairleadBench = benchApi;
