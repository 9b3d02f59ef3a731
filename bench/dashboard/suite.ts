// `npm run bench -- --only dashboard [--opportunities N]`: the manager dashboard's first paint
// on a device holding the team's share (DESIGN.md §7: 25k opportunities).
import type { Browser } from 'playwright-core';
import { openBenchPage } from '../lib/browser';
import type { Recorder } from '../lib/figures';
import { round } from '../lib/stats';
import type { BenchGlobal } from '../device/api';

const DEVICE_ORIGIN = 'http://127.0.0.1:9';

export const runDashboardSuite = async (
  browser: Browser,
  script: string,
  recorder: Recorder,
  options: { opportunities: number },
): Promise<void> => {
  const page = await openBenchPage(browser, DEVICE_ORIGIN, script);
  try {
    const result = await page.evaluate(
      ([n]) => (globalThis as unknown as BenchGlobal).fairleadBench.dashboardFirstPaint(n, 7),
      [options.opportunities] as const,
    );
    recorder.record({
      name: 'device.dashboard_first_paint',
      what: `the manager dashboard (real React screen, 9 reports with recharts charts and tables) rendered on a freshly reopened store (its derived state saved) holding the team's ${result.opportunities} opportunities, ${options.opportunities * 2} leads, invoices and activities (${result.written} documents): from render to every report painted`,
      value: round(result.ms, 0),
      unit: 'ms',
      size: result.opportunities,
      extra: {
        loadMs: round(result.loadMs, 0),
        // The entries built once from every record (as after a first sync), then saved.
        buildMs: round(result.buildMs, 0),
        loadedFrom: result.loadedFrom,
        documents: result.written,
        tableRows: result.rows,
      },
    });
  } finally {
    await page.close();
  }
};
