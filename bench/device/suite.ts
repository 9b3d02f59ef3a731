// Device figures (DESIGN.md §7, heavy device): N generated leads in Chromium's IndexedDB
// through the real store (one page), then the app's session on that store in a fresh page:
// first rows, start-up, search-as-you-type, capture-to-list, pipeline, and its peak heap.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Recorder } from '../lib/figures';
import { openBenchPageIn, sampleHeap } from '../lib/browser';
import { round, summarize } from '../lib/stats';
import type { BenchGlobal } from './api';

// Requests never leave the browser: page.route answers every bench URL.
const DEVICE_ORIGIN = 'http://127.0.0.1:9';

type Api = BenchGlobal;

export type DeviceOptions = { leads: number; captures: number; searchWords: number };

type Baseline = {
  load: number;
  list: number;
  index: number;
  search: number;
  capture: number;
  command: number;
};

/**
 * The same figures again on a store encrypted at rest (renderer/data/encryption: AES-GCM in
 * an RxDB storage wrapper), each recorded with the plaintext figure above and the overhead.
 */
const recordEncryptionCost = async (
  page: Page,
  recorder: Recorder,
  options: DeviceOptions,
  plain: Baseline,
): Promise<void> => {
  const size = options.leads;
  await page.evaluate(async () => {
    await (globalThis as unknown as Api).fairleadBench.close();
    await (globalThis as unknown as Api).fairleadBench.setEncryption(true);
  });
  const load = await page.evaluate(
    ([n]) => (globalThis as unknown as Api).fairleadBench.loadLeads(n, 42),
    [size] as const,
  );
  const list = await page.evaluate(() =>
    (globalThis as unknown as Api).fairleadBench.listFirstRows(),
  );
  const search = await page.evaluate(
    ([w]) => (globalThis as unknown as Api).fairleadBench.searchAsYouType(w),
    [options.searchWords] as const,
  );
  const capture = await page.evaluate(
    ([k]) => (globalThis as unknown as Api).fairleadBench.captureToList(k),
    [options.captures] as const,
  );
  const overhead = (encrypted: number, base: number, higherIsBetter = false) => ({
    plaintext: round(base, 1),
    overheadPct: round(((higherIsBetter ? base / encrypted : encrypted / base) - 1) * 100, 0),
  });
  const loadRate = (load.written / load.ms) * 1000;
  const searchP95 = summarize(search.samples).p95;
  const c = summarize(capture.samples);
  const command = summarize(capture.commandSamples).p95;
  const figures = [
    [
      'device.encrypted.load_dataset',
      `loadDataset of ${size} leads (+ CRM share) into an encrypted store: the bulk-write path a first sync's pulled pages take`,
      loadRate,
      'docs/s',
      overhead(loadRate, plain.load, true),
    ],
    [
      'device.encrypted.list_first_rows',
      'the leads list first rows (as device.list_first_rows) on an encrypted store opened from disk',
      list.ms,
      'ms',
      overhead(list.ms, plain.list),
    ],
    [
      'device.encrypted.search_index_build',
      'search index build (as device.search_index_build) reading through the decrypting storage',
      search.indexMs,
      'ms',
      overhead(search.indexMs, plain.index),
    ],
    [
      'device.encrypted.search_as_you_type',
      'one keystroke of search-as-you-type (p95, as device.search_as_you_type) on an encrypted store',
      searchP95,
      'ms',
      overhead(searchP95, plain.search),
    ],
    [
      'device.encrypted.capture_to_list',
      'capture a lead until the live list shows it (p95, as device.capture_to_list) on an encrypted store',
      c.p95,
      'ms',
      {
        ...overhead(c.p95, plain.capture),
        commandP95: command,
        plaintextCommandP95: plain.command,
      },
    ],
  ] as const;
  for (const [name, what, value, unit, extra] of figures) {
    recorder.record({
      name,
      what,
      value: round(value, unit === 'docs/s' ? 0 : 1),
      unit,
      size,
      extra,
    });
  }
};

/**
 * The load phase on a page of its own: the generated dataset bulk-loaded into the store and
 * the derived state built and saved, as a first sync leaves a device. Its heap peak is its
 * own figure; a first sync's heap is judged by sync.first_sync_peak_heap.
 */
const loadPhase = async (
  context: BrowserContext,
  script: string,
  recorder: Recorder,
  size: number,
) => {
  const page = await openBenchPageIn(context, DEVICE_ORIGIN, script);
  const heap = await sampleHeap(page);
  try {
    const load = await page.evaluate(
      ([n]) => (globalThis as unknown as Api).fairleadBench.loadLeads(n, 42),
      [size] as const,
    );
    await page.evaluate(() => (globalThis as unknown as Api).fairleadBench.close());
    return load;
  } finally {
    recorder.record({
      name: 'device.load_peak_heap',
      what: `peak JS heap of the page that generates ${size} leads (+ CRM share), bulk-loads them and builds and saves the derived state (CDP JSHeapUsedSize, sampled every 200 ms); the bench's load, not the app's session`,
      value: await heap.stop(),
      unit: 'MiB',
      size,
    });
    await page.close();
  }
};

export const runDeviceSuite = async (
  browser: Browser,
  script: string,
  recorder: Recorder,
  options: DeviceOptions,
): Promise<void> => {
  const size = options.leads;
  const context = await browser.newContext();
  let page: Page | null = null;
  try {
    const load = await loadPhase(context, script, recorder, size);
    recorder.record({
      name: 'device.load_dataset',
      what: `loadDataset of ${size} generated leads (+${load.opportunities} opportunities, accounts, catalog) into RxDB/Dexie in Chromium, 2000 per bulk insert`,
      value: round((load.written / load.ms) * 1000, 0),
      unit: 'docs/s',
      size,
      extra: { documents: load.written, ms: round(load.ms, 0) },
    });
    recorder.record({
      name: 'device.derived_state_build',
      what: 'build the search term index and the pipeline amounts once after the bulk load, over every lead, account, contact and opportunity, and save them in the store (as after a first sync; later start-ups read them back)',
      value: round(load.buildMs, 0),
      unit: 'ms',
      size,
    });

    // The app's session: a fresh page (fresh JS heap) on the store the load phase left.
    page = await openBenchPageIn(context, DEVICE_ORIGIN, script);
    const session: Page = page;
    const heap = await sampleHeap(session, 200, true);
    await session.evaluate(
      ([name, words]) => (globalThis as unknown as Api).fairleadBench.attach(name, words),
      [load.store, load.words] as const,
    );
    const list = await session.evaluate(() =>
      (globalThis as unknown as Api).fairleadBench.listFirstRows(),
    );
    // The session's peak per phase (MiB, the list phase includes opening the store).
    const phases: Record<string, number> = { list: await heap.phase() };
    recorder.record({
      name: 'device.list_first_rows',
      what: `open the leads list on a freshly opened store: the UI's leads query (all ${list.total} leads, newest first) to its first emission, then 50 rows rendered as DOM and one frame painted (minimal render, not the React list)`,
      value: round(list.ms, 1),
      unit: 'ms',
      size,
      extra: { queryMs: round(list.queriedMs, 1) },
    });

    const start = await session.evaluate(() =>
      (globalThis as unknown as Api).fairleadBench.startUp(),
    );
    phases['startUp'] = await heap.phase();
    recorder.record({
      name: 'device.startup_interactive',
      what: `start-up with ${size} leads: open the store, the leads list painted (50 rows, one frame) and one lead captured, while the search index and the pipeline are read back in the background`,
      value: round(start.interactiveMs, 0),
      unit: 'ms',
      size,
      extra: { openMs: round(start.openMs, 0), paintedMs: round(start.paintedMs, 0) },
    });
    recorder.record({
      name: 'device.startup_search_ready',
      what: 'start-up as above until the search index is read back from the store, caught up with the changes since it was saved, and a first search answered',
      value: round(start.searchMs, 0),
      unit: 'ms',
      size,
      extra: { pipelineReadyMs: round(start.pipelineMs, 0) },
    });

    const search = await session.evaluate(
      ([w]) => (globalThis as unknown as Api).fairleadBench.searchAsYouType(w),
      [options.searchWords] as const,
    );
    phases['search'] = await heap.phase();
    const s = summarize(search.samples);
    recorder.record({
      name: 'device.search_as_you_type',
      what: `one keystroke of search-as-you-type: the UI's leads query with the typed prefix (${search.samples.length} prefixes of ${options.searchWords} last names) to its first emission`,
      value: s.p95,
      unit: 'ms',
      size,
      ...s,
    });

    const capture = await session.evaluate(
      ([k]) => (globalThis as unknown as Api).fairleadBench.captureToList(k),
      [options.captures] as const,
    );
    phases['capture'] = await heap.phase();
    const c = summarize(capture.samples);
    const command = summarize(capture.commandSamples);
    recorder.record({
      name: 'device.capture_to_list',
      what: `capture a lead (lead.create command) until the live leads list (all leads, newest first) emits it on top; ${capture.samples.length} captures`,
      value: c.p95,
      unit: 'ms',
      size,
      ...c,
      // How much of it is the command's own write, and how much the list's re-emission.
      extra: { commandP50: command.p50, commandP95: command.p95 },
    });

    const pipeline = await session.evaluate(() =>
      (globalThis as unknown as Api).fairleadBench.pipelineTotals(),
    );
    phases['pipeline'] = await heap.phase();
    recorder.record({
      name: 'device.pipeline_totals',
      what: `pipeline totals per stage over ${pipeline.opportunities} open opportunities, converted to EUR (pipelineTotals$, first emission after start-up); editMs: one opportunity moves stage until the totals show it; boardMs: the pipeline board's query, which also lists every card`,
      value: round(pipeline.ms, 1),
      unit: 'ms',
      size: pipeline.opportunities,
      extra: {
        editMs: round(pipeline.editMs, 1),
        boardMs: round(pipeline.boardMs, 0),
        leads: size,
      },
    });

    recorder.record({
      name: 'device.peak_heap',
      what: `peak JS heap of the app's session on a store holding ${size} leads, in a fresh page: open the store, the leads list, start-up with the search index and pipeline read back, search-as-you-type, captures and pipeline totals (CDP JSHeapUsedSize after a full GC at page load, sampled every 200 ms; heapAtStartMiB: the page before the store is opened; <phase>PeakMiB: the peak within each phase, pipeline including the board's query of every open opportunity)`,
      value: await heap.stop(),
      unit: 'MiB',
      size,
      extra: {
        heapAtStartMiB: heap.startMiB,
        ...Object.fromEntries(Object.entries(phases).map(([k, v]) => [`${k}PeakMiB`, v])),
      },
    });

    // Not part of the session's heap: a second bulk load, into an encrypted store.
    await recordEncryptionCost(session, recorder, options, {
      load: (load.written / load.ms) * 1000,
      list: list.ms,
      index: search.indexMs,
      search: s.p95,
      capture: c.p95,
      command: command.p95,
    });
  } finally {
    await page
      ?.evaluate(() => (globalThis as unknown as Api).fairleadBench.close())
      .catch(() => undefined);
    await context.close();
  }
};
