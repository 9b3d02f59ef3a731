// `npx tsx bench/sync/profile.ts [documents] [out.cpuprofile]`: one first sync of a fresh
// device under Chromium's CPU profiler, with the functions that took the most time (self and
// by file) printed, to see where a first sync spends what it spends over raw IndexedDB writes.
import { writeFileSync } from 'node:fs';
import type { BenchGlobal } from '../device/api';
import { bundleBenchPage, launchBenchChromium, openBenchPage } from '../lib/browser';
import { startShareServer } from './share';

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const documents = Number(process.argv[2] ?? 10_000);
const out = process.argv[3];

const summarize = (profile: Profile): void => {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, number>();
  const file = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const short = url.split('/').slice(-1)[0] ?? '';
    const key = `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    file.set(short || functionName, (file.get(short || functionName) ?? 0) + us);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(
        ([k, us]) =>
          `${(us / 1000).toFixed(0).padStart(7)} ms ${((us / total) * 100).toFixed(1).padStart(5)}%  ${k}`,
      )
      .join('\n');
  console.log(
    `sampled ${(total / 1000).toFixed(0)} ms\n-- self time by function --\n${top(fn, 40)}`,
  );
  console.log(`-- by file --\n${top(file, 15)}`);
};

const main = async (): Promise<void> => {
  const share = await startShareServer(documents);
  const browser = await launchBenchChromium();
  try {
    const page = await openBenchPage(browser, share.url, await bundleBenchPage());
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    const result = await page.evaluate(
      ([account]) => (globalThis as unknown as BenchGlobal).fairleadBench.firstSync(account),
      [share.seller] as const,
    );
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    console.log(
      `first sync: ${result.documents} documents in ${(result.ms / 1000).toFixed(2)} s (${Math.round((result.documents / result.ms) * 1000)} docs/s)`,
    );
    console.log(
      `progress: ${result.progress.map(([ms, n]) => `${(ms / 1000).toFixed(1)}s:${n}`).join(' ')}`,
    );
    if (out) writeFileSync(out, JSON.stringify(profile));
    summarize(profile);
  } finally {
    await browser.close();
    await share.close();
  }
};

await main();
