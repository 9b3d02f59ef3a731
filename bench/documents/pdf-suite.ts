// Device figure of issue documents: a 50-line invoice rendered to PDF in Chromium, the way
// the app does it (shared layout, @cantoo/pdf-lib, Noto Sans subset embedded).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import type { Recorder } from '../lib/figures';
import { openBenchPage } from '../lib/browser';
import { round, summarize } from '../lib/stats';
import type { BenchGlobal } from '../device/api';

const DEVICE_ORIGIN = 'http://127.0.0.1:9';
const require = createRequire(import.meta.url);
const font = (path: string) =>
  readFileSync(require.resolve(`@expo-google-fonts/noto-sans/${path}`)).toString('base64');

export const runInvoicePdfSuite = async (
  browser: Browser,
  script: string,
  recorder: Recorder,
  options: { lines: number; rounds: number },
): Promise<void> => {
  const page = await openBenchPage(browser, DEVICE_ORIGIN, script);
  try {
    const fonts = {
      regular: font('400Regular/NotoSans_400Regular.ttf'),
      bold: font('700Bold/NotoSans_700Bold.ttf'),
    };
    const result = await page.evaluate(
      ([f, lines, rounds]) =>
        (globalThis as unknown as BenchGlobal).fairleadBench.renderInvoicePdf(f, lines, rounds),
      [fonts, options.lines, options.rounds] as const,
    );
    const s = summarize(result.samples);
    recorder.record({
      name: 'device.invoice_pdf',
      what: `render a ${options.lines}-line invoice to PDF on the device (layout, Noto Sans subsets embedded, pdf-lib save) in Chromium; ${result.samples.length} renders`,
      value: s.p50,
      unit: 'ms',
      size: options.lines,
      ...s,
      extra: {
        firstMs: round(result.samples[0] ?? 0, 0),
        pages: result.pages,
        kilobytes: round(result.bytes / 1024, 0),
      },
    });
  } finally {
    await page.context().close();
  }
};
