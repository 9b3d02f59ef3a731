// The benchmark page that runs inside Chromium: the real device store (RxDB on Dexie /
// IndexedDB), its commands and the UI's queries, timed with performance.now().
import { filter, firstValueFrom } from 'rxjs';
import { generateDataset, generateLeadChunks } from '../../shared/dataset';
import { createFairleadDatabase } from '../../renderer/data/database';
import type { FairleadDatabase } from '../../renderer/data/database';
import { loadDataset } from '../../renderer/data/load';
import { prepareSearch, saveSearchIndex, searchRefs } from '../../renderer/data/search/search';
import {
  pipelineTotals$,
  preparePipeline,
  savePipeline,
} from '../../renderer/data/queries/pipeline';
import { createCommands } from '../../renderer/data/commands';
import { createStoreQueries } from '../../renderer/app/store-queries';
import type { DataKey } from '../../renderer/data/encryption/record-cipher';
import { generateDataKey } from '../../renderer/data/encryption/record-cipher';
import type { BenchApi, BenchGlobal } from './api';
import { firstSync, pouchReplicate, rawIndexedDbWrite } from '../sync/page-sync.web';
import { eInvoiceXml } from '../documents/page-einvoice.web';
import { renderInvoicePdf } from '../documents/page-pdf.web';
import { leadImportThroughput } from '../import/page-import.web';
import { dashboardFirstPaint } from '../dashboard/page-dashboard.web';

const OWNER = '0190a000-0000-7000-8000-000000000001';
const allLeads = { text: '', state: 'all', rating: 'all', source: 'all' } as const;
// The leads screen's first window (renderer/features/leads/queries.ts LEAD_PAGE_SIZE).
const FIRST_PAGE = 100;

let db: FairleadDatabase | null = null;
let dbName = '';
// Last names of a few generated leads, typed by search-as-you-type.
const words: string[] = [];
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
  words.length = 0;
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
        if (n++ % 997 === 0 && words.length < 40) words.push(lead.lastName);
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
  // Derived state is built once after a bulk load and saved, as after a first sync.
  const b0 = performance.now();
  await Promise.all([prepareSearch(store()), preparePipeline(store())]);
  const buildMs = performance.now() - b0;
  await Promise.all([saveSearchIndex(store()), savePipeline(store())]);
  // Reopen so the list is measured on a store opened from disk, not from warm caches.
  await store().close();
  await open();
  return {
    written,
    ms,
    buildMs,
    opportunities: crm.opportunities.length,
    store: dbName,
    words: [...words],
  };
};

/** A fresh page takes over a store an earlier page loaded, and opens it. */
const attach = async (name: string, typed: readonly string[]) => {
  dbName = name;
  words.splice(0, words.length, ...typed);
  await open();
};

const allLeadsPage = () => createStoreQueries(store()).leads(allLeads, FIRST_PAGE);

/**
 * Start-up as the app does it (renderer/app/bootstrap.ts): open the store, start reading
 * the search index and the pipeline back in the background, paint the leads list and
 * capture a lead (interactive), then the first search answered (search ready).
 */
const startUp = async () => {
  await store().close();
  const t0 = performance.now();
  await open();
  const opened = performance.now() - t0;
  const searchReady = prepareSearch(store()).then(() => searchRefs(store(), 'ros', { limit: 20 }));
  const pipelineReady = preparePipeline(store());
  const { rows } = await firstValueFrom(allLeadsPage());
  const list = document.createElement('ul');
  for (const lead of rows.slice(0, 50)) {
    const li = document.createElement('li');
    li.textContent = `${lead.firstName} ${lead.lastName} — ${lead.company}`;
    list.append(li);
  }
  document.body.replaceChildren(list);
  await nextFrame();
  const painted = performance.now() - t0;
  const commands = createCommands(store(), { userId: OWNER, role: 'seller', teamId: null });
  const captured = await commands.lead.create({
    firstName: 'Marta',
    lastName: 'Avvio',
    company: 'Fiera Srl',
    email: 'marta.avvio@example.com',
    source: 'trade_fair',
  });
  if (!captured.ok) throw new Error(captured.error.message.en);
  const interactive = performance.now() - t0;
  await searchReady;
  const search = performance.now() - t0;
  await pipelineReady;
  const pipeline = performance.now() - t0;
  return {
    openMs: opened,
    paintedMs: painted,
    interactiveMs: interactive,
    searchMs: search,
    pipelineMs: pipeline,
  };
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
const searchAsYouType = async (count: number) => {
  const t0 = performance.now();
  await prepareSearch(store());
  const indexMs = performance.now() - t0;
  const queries = createStoreQueries(store());
  const samples: number[] = [];
  let hits = 0;
  for (const word of words.slice(0, count)) {
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

/**
 * Pipeline totals per stage (pipelineTotals$, first emission), then again after one
 * opportunity moves stage; then the pipeline board's query, which also lists the cards.
 */
const pipelineTotals = async () => {
  const t0 = performance.now();
  const totals = await firstValueFrom(pipelineTotals$(store()));
  const ms = performance.now() - t0;
  const open = await store()
    .opportunities.findOne({ selector: { state: 'open' } })
    .exec();
  const stage = open?.stage === 'qualify' ? 'propose' : 'qualify';
  const before = totals.stages.find((s) => s.stage === stage)?.count ?? 0;
  const e0 = performance.now();
  const moved = firstValueFrom(
    pipelineTotals$(store()).pipe(
      filter((t) => (t.stages.find((s) => s.stage === stage)?.count ?? 0) > before),
    ),
  );
  await open?.incrementalPatch({ stage });
  await moved;
  const editMs = performance.now() - e0;
  const b0 = performance.now();
  const board = await firstValueFrom(
    createStoreQueries(store())
      .pipeline()
      .pipe(filter((p) => p.columns.length > 0)),
  );
  const boardMs = performance.now() - b0;
  return {
    ms,
    editMs,
    boardMs,
    opportunities: totals.stages.reduce((n, s) => n + s.count, 0),
    totals: board.columns.map((c) => [c.stage, c.total] as const),
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
  attach,
  startUp,
  listFirstRows,
  searchAsYouType,
  captureToList,
  pipelineTotals,
  renderInvoicePdf,
  eInvoiceXml,
  leadImport: leadImportThroughput,
  dashboardFirstPaint,
  heap,
  close,
  firstSync,
  rawIndexedDbWrite,
  pouchReplicate,
};

(globalThis as unknown as BenchGlobal).fairleadBench = benchApi;
