// Device figures (DESIGN.md §7, heavy device): N generated leads in Chromium's IndexedDB
// through the real store, then capture-to-list, first rows, search-as-you-type, pipeline.
import type { Browser, Page } from 'playwright-core';
import type { Recorder } from '../lib/figures';
import { openBenchPage, sampleHeap } from '../lib/browser';
import { round, summarize } from '../lib/stats';
import type { BenchGlobal } from './api';

// Requests never leave the browser: page.route answers every bench URL.
const DEVICE_ORIGIN = 'http://127.0.0.1:9';

type Api = BenchGlobal;

export type DeviceOptions = { leads: number; captures: number; searchWords: number };

export const runDeviceSuite = async (
  browser: Browser,
  script: string,
  recorder: Recorder,
  options: DeviceOptions,
): Promise<void> => {
  const page: Page = await openBenchPage(browser, DEVICE_ORIGIN, script);
  const size = options.leads;
  const heap = await sampleHeap(page);
  try {
    const load = await page.evaluate(
      ([n]) => (globalThis as unknown as Api).fairleadBench.loadLeads(n, 42),
      [size] as const,
    );
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

    const list = await page.evaluate(() =>
      (globalThis as unknown as Api).fairleadBench.listFirstRows(),
    );
    recorder.record({
      name: 'device.list_first_rows',
      what: `open the leads list on a freshly opened store: the UI's leads query (all ${list.total} leads, newest first) to its first emission, then 50 rows rendered as DOM and one frame painted (minimal render, not the React list)`,
      value: round(list.ms, 1),
      unit: 'ms',
      size,
      extra: { queryMs: round(list.queriedMs, 1) },
    });

    const start = await page.evaluate(() => (globalThis as unknown as Api).fairleadBench.startUp());
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

    const search = await page.evaluate(
      ([w]) => (globalThis as unknown as Api).fairleadBench.searchAsYouType(w),
      [options.searchWords] as const,
    );
    const s = summarize(search.samples);
    recorder.record({
      name: 'device.search_as_you_type',
      what: `one keystroke of search-as-you-type: the UI's leads query with the typed prefix (${search.samples.length} prefixes of ${options.searchWords} last names) to its first emission`,
      value: s.p95,
      unit: 'ms',
      size,
      ...s,
    });

    const capture = await page.evaluate(
      ([k]) => (globalThis as unknown as Api).fairleadBench.captureToList(k),
      [options.captures] as const,
    );
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

    const pipeline = await page.evaluate(() =>
      (globalThis as unknown as Api).fairleadBench.pipelineTotals(),
    );
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
  } finally {
    const peak = await heap.stop();
    recorder.record({
      name: 'device.peak_heap',
      what: 'peak JS heap of the bench page during the device figures (CDP JSHeapUsedSize, sampled every 200 ms)',
      value: peak,
      unit: 'MiB',
      size,
    });
    await page
      .evaluate(() => (globalThis as unknown as Api).fairleadBench.close())
      .catch(() => undefined);
    await page.context().close();
  }
};
