// First sync of a fresh device (DESIGN.md §7): the real replication against the real
// server on SQLite, beside raw IndexedDB bulk writes and PouchDB replication of the same
// documents, all in the same Chromium.
import type { Browser } from 'playwright-core';
import type { BenchGlobal } from '../device/api';
import { openBenchPage, sampleHeap } from '../lib/browser';
import { sampleCpu } from '../lib/cpu';
import type { CpuShare } from '../lib/cpu';
import type { Recorder } from '../lib/figures';
import { round } from '../lib/stats';
import { startPouchServer } from './pouch-server';
import { pullShare, startShareServer } from './share';

type Api = BenchGlobal;

export type SyncOptions = { documents: number };

export const runSyncSuite = async (
  browser: Browser,
  script: string,
  recorder: Recorder,
  options: SyncOptions,
): Promise<void> => {
  const share = await startShareServer(options.documents);
  const docs = await pullShare(share.url, share.seller);
  const size = docs.reduce((n, [, d]) => n + d.length, 0);
  const pouch = await startPouchServer(docs);
  const page = await openBenchPage(browser, share.url, script);
  try {
    let heap = await sampleHeap(page);
    let cpu = sampleCpu();
    const fairlead = await page.evaluate(
      ([account]) => (globalThis as unknown as Api).fairleadBench.firstSync(account),
      [share.seller] as const,
    );
    const fairleadHeap = await heap.stop();
    const fairleadCpu = cpu?.stop() ?? null;
    if (fairlead.documents < size) {
      console.warn(`first sync holds ${fairlead.documents} of ${size} documents`);
    }

    heap = await sampleHeap(page);
    cpu = sampleCpu();
    const raw = await page.evaluate(
      ([account]) => (globalThis as unknown as Api).fairleadBench.rawIndexedDbWrite(account, 1000),
      [share.seller] as const,
    );
    const rawHeap = await heap.stop();
    const rawCpu = cpu?.stop() ?? null;
    const rawIndexed = await page.evaluate(
      ([account]) =>
        (globalThis as unknown as Api).fairleadBench.rawIndexedDbWrite(account, 1000, true),
      [share.seller] as const,
    );

    heap = await sampleHeap(page);
    const couch = await page.evaluate(
      ([url]) => (globalThis as unknown as Api).fairleadBench.pouchReplicate(url, 200),
      [pouch.dbUrl] as const,
    );
    const pouchHeap = await heap.stop();

    const rate = (documents: number, ms: number) => round((documents / ms) * 1000, 0);
    const fairleadRate = rate(fairlead.documents, fairlead.ms);
    const rawRate = rate(raw.documents, raw.ms);
    const pouchRate = rate(couch.documents, couch.ms);
    const rawIndexedRate = rate(rawIndexed.documents, rawIndexed.ms);
    const progress = fairlead.progress.map(([ms, n]) => `${round(ms / 1000, 1)}s:${n}`).join(' ');
    recorder.record({
      name: 'sync.first_sync_vs_indexeddb',
      what: 'first sync of a fresh device: the real replication (renderer/data/sync, 11 collections, pull pages of 1000) from the server on SQLite into RxDB/Dexie, documents per second, beside the same documents put straight into IndexedDB (1000 per transaction)',
      value: fairleadRate,
      unit: 'docs/s',
      size,
      reference: { name: 'raw IndexedDB bulk writes', value: rawRate, unit: 'docs/s' },
      ratio: round(fairleadRate / rawRate, 3),
      extra: { documents: fairlead.documents, progress },
    });
    recorder.record({
      name: 'sync.first_sync_vs_indexed_indexeddb',
      what: "first sync of a fresh device (as above), beside the same documents put straight into IndexedDB object stores with the device store's indexes (RxDB's Dexie schema: 2 to 7 per collection) and RxDB's bookkeeping fields, 1000 per transaction: how much of the gap to raw writes is the indexes, and how much RxDB, the replication and the server",
      value: fairleadRate,
      unit: 'docs/s',
      size,
      reference: { name: 'raw IndexedDB writes, indexed', value: rawIndexedRate, unit: 'docs/s' },
      ratio: round(fairleadRate / rawIndexedRate, 3),
      extra: { indexCostOfRawWrites: round(rawRate / rawIndexedRate, 2) },
    });
    recorder.record({
      name: 'sync.first_sync_vs_pouchdb',
      what: 'first sync of a fresh device (as above), beside PouchDB 9 in the same Chromium replicating the same documents from PouchDB server (express-pouchdb, in-memory, batch_size 200)',
      value: fairleadRate,
      unit: 'docs/s',
      size,
      reference: { name: 'PouchDB replication', value: pouchRate, unit: 'docs/s' },
      ratio: round(fairleadRate / pouchRate, 3),
      extra: { pouchDocuments: couch.documents },
    });
    recorder.record({
      name: 'sync.first_sync_total',
      what: 'first sync of a fresh device: total time from starting replication to every collection in sync',
      value: round(fairlead.ms / 1000, 2),
      unit: 's',
      size,
      reference: { name: 'PouchDB replication total', value: round(couch.ms / 1000, 2), unit: 's' },
      ratio: round(fairlead.ms / couch.ms, 3),
    });
    recorder.record({
      name: 'sync.first_sync_peak_heap',
      what: 'peak JS heap of the page during the first sync (CDP JSHeapUsedSize, sampled every 200 ms); reference: during PouchDB replication',
      value: fairleadHeap,
      unit: 'MiB',
      size,
      reference: { name: 'PouchDB replication peak heap', value: pouchHeap, unit: 'MiB' },
      ratio: round(fairleadHeap / pouchHeap, 3),
      extra: { rawIndexedDbHeapMiB: rawHeap },
    });
    if (fairleadCpu !== null && rawCpu !== null) {
      const seconds = (share: CpuShare) =>
        round(
          Object.entries(share).reduce((n, [kind, s]) => (kind === 'busyCores' ? n : n + s), 0),
          2,
        );
      const byKind = (prefix: string, share: CpuShare) =>
        Object.fromEntries(
          Object.entries(share).map(([kind, s]) => [`${prefix}${kind}`, round(s, 2)]),
        );
      recorder.record({
        name: 'sync.first_sync_cpu',
        what: "CPU seconds spent during the first sync by the bench's Node process (the server), Chromium's renderer (the page), its browser process (IndexedDB's backend) and Chromium's other processes, with the machine's busy cores; reference: the same for the raw IndexedDB writes, whose run also fetches the documents first (its figure counts the writes only)",
        value: seconds(fairleadCpu),
        unit: 'CPU s',
        size,
        reference: { name: 'raw writes, fetch included', value: seconds(rawCpu), unit: 'CPU s' },
        ratio: round(seconds(fairleadCpu) / seconds(rawCpu), 3),
        extra: { ...byKind('', fairleadCpu), ...byKind('raw_', rawCpu) },
      });
    }
    recorder.record({
      name: 'sync.server_pages_fetch',
      what: 'the same documents fetched from the server in pages of 1000 over HTTP, parsed and kept in memory, nothing written: what the first sync spends waiting on the server',
      value: rate(size, raw.fetchMs),
      unit: 'docs/s',
      size,
      extra: { ms: round(raw.fetchMs, 0) },
    });
  } finally {
    await page.context().close();
    await pouch.close();
    await share.close();
  }
};
