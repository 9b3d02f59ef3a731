// Lead import figures on the device (Chromium): rows per second of a CSV attendee list
// through the import (read, rules, duplicate look-up, bulk writes) beside a plain bulk insert.
import type { Browser } from 'playwright-core';
import type { BenchGlobal } from '../device/api';
import type { Recorder } from '../lib/figures';
import { openBenchPage } from '../lib/browser';
import { round } from '../lib/stats';

const DEVICE_ORIGIN = 'http://127.0.0.1:9';

export const runImportSuite = async (
  browser: Browser,
  script: string,
  recorder: Recorder,
  options: { rows: number },
): Promise<void> => {
  const page = await openBenchPage(browser, DEVICE_ORIGIN, script);
  try {
    const r = await page.evaluate(
      ([rows]) => (globalThis as unknown as BenchGlobal).fairleadBench.leadImport(rows),
      [options.rows] as const,
    );
    if (r.created !== r.rows) throw new Error(`import created ${r.created} of ${r.rows} rows`);
    const totalMs = r.parseMs + r.planMs + r.writeMs;
    recorder.record({
      name: 'device.csv_import',
      what: `import of a ${r.rows}-row CSV attendee list (Dynamics 365 headers) on an empty store: parse, lead rules and duplicate look-up, then bulk writes of 500 rows with progress, in Chromium`,
      value: round((r.rows / totalMs) * 1000, 0),
      unit: 'rows/s',
      size: r.rows,
      extra: {
        parseMs: round(r.parseMs, 0),
        planMs: round(r.planMs, 0),
        writeMs: round(r.writeMs, 0),
      },
    });
    recorder.record({
      name: 'device.lead_bulk_insert',
      what: `the same ${r.rows} leads (and their creation activities) inserted with two plain bulk inserts into a fresh store, for comparison`,
      value: round((r.rows / r.bulkMs) * 1000, 0),
      unit: 'rows/s',
      size: r.rows,
      extra: { ms: round(r.bulkMs, 0) },
    });
  } finally {
    await page.context().close();
  }
};
