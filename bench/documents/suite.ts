// Document figures on the device (Chromium): the e-invoice XML of a 50-line invoice.
import type { Browser } from 'playwright-core';
import type { BenchGlobal } from '../device/api';
import type { Recorder } from '../lib/figures';
import { openBenchPage } from '../lib/browser';
import { round, summarize } from '../lib/stats';

const DEVICE_ORIGIN = 'http://127.0.0.1:9';

export type DocumentsOptions = { lines: number; rounds: number };

export const runDocumentsSuite = async (
  browser: Browser,
  script: string,
  recorder: Recorder,
  options: DocumentsOptions,
): Promise<void> => {
  const page = await openBenchPage(browser, DEVICE_ORIGIN, script);
  try {
    const xml = await page.evaluate(
      ([lines, rounds]) =>
        (globalThis as unknown as BenchGlobal).fairleadBench.eInvoiceXml(lines, rounds),
      [options.lines, options.rounds] as const,
    );
    // The first rounds warm the JIT up; the figure is the steady state a user meets.
    const fatturaPa = summarize(xml.fatturaPa.slice(1));
    recorder.record({
      name: 'device.fatturapa_xml',
      what: `FatturaPA FPR12 XML of a ${options.lines}-line invoice (mixed VAT rates, line and header discounts, freight) from the records, in Chromium, median of ${options.rounds - 1} rounds`,
      value: fatturaPa.p50,
      unit: 'ms',
      size: options.lines,
      ...fatturaPa,
      extra: { bytes: xml.bytes, firstMs: round(xml.fatturaPa[0] ?? 0, 2) },
    });
    const ubl = summarize(xml.ubl.slice(1));
    recorder.record({
      name: 'device.ubl_xml',
      what: `Peppol BIS 3 UBL 2.1 XML of the same ${options.lines}-line invoice, in Chromium, median of ${options.rounds - 1} rounds`,
      value: ubl.p50,
      unit: 'ms',
      size: options.lines,
      ...ubl,
    });
  } finally {
    await page.context().close();
  }
};
