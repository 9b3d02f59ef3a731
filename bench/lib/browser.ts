// Debian's Chromium for the device figures: the bench page bundled with esbuild, served on
// the origin it needs (page.route), and the JS heap sampled over CDP.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { chromiumPath, launchChromium } from '../../test/e2e/support/browser';
import { repoRoot } from './figures';

export { chromiumAvailable } from '../../test/e2e/support/browser';

export const chromiumVersion = (): string =>
  execFileSync(chromiumPath, ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();

/** Bundles bench/device/page.web.ts (device store, sync, PouchDB) for the browser. */
export const bundleBenchPage = async (): Promise<string> => {
  const result = await build({
    entryPoints: [join(repoRoot, 'bench/device/page.web.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // The dashboard figure renders the app's own React screen.
    jsx: 'automatic',
    minify: false,
    outfile: 'page.js',
    write: false,
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    logLevel: 'warning',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no bench page');
  return file.text;
};

// The flags of STACK.md, plus exact heap figures for performance.memory.
export const launchBenchChromium = (): Promise<Browser> =>
  launchChromium([
    '--enable-precise-memory-info',
    // The page is served through page.route (no address of its own), so Chromium would
    // treat its requests to the loopback PouchDB server as local-network access.
    '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests',
  ]);

/** Opens the bench page at `origin`/__bench/ (same origin as the API it talks to). */
export const openBenchPage = async (
  browser: Browser,
  origin: string,
  script: string,
): Promise<Page> => openBenchPageIn(await browser.newContext(), origin, script);

/**
 * Opens the bench page in an existing browser context: a fresh page (a fresh JS heap) on
 * the same origin storage, i.e. the IndexedDB stores an earlier page of the context wrote.
 */
export const openBenchPageIn = async (
  context: BrowserContext,
  origin: string,
  script: string,
): Promise<Page> => {
  const page = await context.newPage();
  await page.route('**/__bench/**', (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.endsWith('/page.js')) {
      return route.fulfill({ contentType: 'text/javascript', body: script });
    }
    return route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><meta charset="utf-8"><title>Fairlead bench</title><body><script type="module" src="./page.js"></script></body>',
    });
  });
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
  await page.goto(`${origin}/__bench/index.html`);
  await page.waitForFunction(() => 'fairleadBench' in globalThis);
  return page;
};

/**
 * Samples JSHeapUsedSize over CDP while a phase runs; `stop()` gives the peak in MiB.
 * `collectFirst`: a full garbage collection before the first sample, so the peak starts
 * from what the page really holds, not from garbage of what ran before.
 */
export const sampleHeap = async (page: Page, everyMs = 200, collectFirst = false) => {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  if (collectFirst) await cdp.send('HeapProfiler.collectGarbage');
  let peak = 0;
  // The peak since the last `phase()`, to tell which part of a run the peak belongs to.
  let phasePeak = 0;
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    peak = Math.max(peak, used);
    phasePeak = Math.max(phasePeak, used);
  };
  await read();
  const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
  const timer = setInterval(() => void read().catch(() => undefined), everyMs);
  return {
    /** The heap at the first sample (MiB). */
    startMiB: mib(peak),
    /** The peak since the previous call (or the start), in MiB, read now. */
    async phase(): Promise<number> {
      await read().catch(() => undefined);
      const value = mib(phasePeak);
      phasePeak = 0;
      return value;
    },
    async stop(): Promise<number> {
      clearInterval(timer);
      await read().catch(() => undefined);
      await cdp.detach().catch(() => undefined);
      return mib(peak);
    },
  };
};
