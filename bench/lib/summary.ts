// The readable end of a run: every figure beside its DESIGN.md §7 budget, the largest gap
// named, saved as bench/results/latest.json and latest.md.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure, Recorder } from './figures';
import { resultsDir } from './figures';

// A ceiling on the value, or a floor (`min`) / ceiling on the ratio to its reference.
type Budget = { max: number; text: string; of?: 'ratio'; min?: boolean };

// DESIGN.md §7 and the office-scale targets; budgets are stated for 100k leads on the device.
const budgets: Record<string, Budget> = {
  'device.capture_to_list': { max: 50, text: 'p95 < 50 ms at 100k leads' },
  'device.list_first_rows': { max: 1000, text: '< 1 s at 100k records' },
  'device.search_as_you_type': { max: 100, text: 'p95 < 100 ms at 100k leads' },
  'device.startup_interactive': { max: 1000, text: 'interactive < 1 s at 100k leads' },
  'device.startup_search_ready': { max: 1500, text: 'search ready < 1.5 s at 100k leads' },
  'device.pipeline_totals': { max: 100, text: '< 100 ms at 25k opportunities' },
  'device.peak_heap': { max: 250, text: 'peak heap < 250 MiB at 100k leads' },
  'sync.first_sync_vs_indexeddb': {
    max: 0.5,
    min: true,
    of: 'ratio',
    text: '≥ 0.5× raw IndexedDB bulk writes',
  },
  'sync.first_sync_peak_heap': { max: 1, of: 'ratio', text: "heap below PouchDB's (ratio < 1)" },
  'server.sqlite.errors': { max: 0, text: 'reported (none expected)' },
  'server.postgres.errors': { max: 0, text: 'reported (none expected)' },
  // Issue #17: one server process under a sales force (open loop, bench/server/capacity*.ts).
  'server.sqlite.p99_at_70pct': { max: 300, text: 'p99 < 300 ms at 70 % of saturation' },
  'server.postgres.p99_at_70pct': { max: 300, text: 'p99 < 300 ms at 70 % of saturation' },
  'server.sqlite.errors_at_70pct': { max: 0, text: 'zero errors at 70 % of saturation' },
  'server.postgres.errors_at_70pct': { max: 0, text: 'zero errors at 70 % of saturation' },
  'server.sqlite.database_limit_gap': { max: 2, text: 'saturation ≥ 0.5× the database limit' },
  'server.postgres.database_limit_gap': { max: 2, text: 'saturation ≥ 0.5× the database limit' },
  'server.postgres_over_sqlite': { max: 2, text: 'SQLite within 2× of PostgreSQL' },
  'server.sqlite.sync_p99_during_sign_ins': { max: 2000, text: 'p99 < 2 s while 500 sign in' },
  'server.postgres.sync_p99_during_sign_ins': {
    max: 2000,
    text: 'p99 < 2 s while 500 sign in',
  },
};

const notes: Record<string, string> = {
  'sync.first_sync_vs_pouchdb': 'reported beside PouchDB',
  'sync.first_sync_vs_indexed_indexeddb': "reported: the indexes' share of the gap",
  'sync.first_sync_cpu': "reported: which process the first sync's time goes to (below)",
  'server.sqlite.latency': 'p99 reported (500 devices in §7)',
  'server.postgres.latency': 'p99 reported (500 devices in §7)',
  'device.invoice_pdf': 'p50 reported (size = lines of the invoice)',
  'device.load_peak_heap':
    "the bench's bulk load: no target (a first sync: sync.first_sync_peak_heap)",
};

const fmt = (n: number | undefined): string =>
  n === undefined || Number.isNaN(n) ? '' : n >= 100 ? String(Math.round(n)) : String(n);

export type Gap = { name: string; size: number; text: string };

const measured = (f: Figure, b: Budget): number => (b.of === 'ratio' ? (f.ratio ?? NaN) : f.value);

/** How far a figure is from its budget: above 1 is over it. */
const overBy = (f: Figure, b: Budget): number => {
  const v = measured(f, b);
  if (b.min === true) return v > 0 ? b.max / v : Number.POSITIVE_INFINITY;
  if (b.max === 0) return v > 0 ? Number.POSITIVE_INFINITY : 0;
  return v / b.max;
};

/** The figure furthest over its budget (value ÷ budget), else the slowest sync ratio. */
export const largestGap = (figures: Figure[]): Gap | null => {
  let worst: { f: Figure; factor: number } | null = null;
  for (const f of figures) {
    const b = budgets[f.name];
    if (!b) continue;
    const factor = overBy(f, b);
    if (worst === null || factor > worst.factor) worst = { f, factor };
  }
  if (worst && worst.factor > 1) {
    const b = budgets[worst.f.name] as Budget;
    const over = !Number.isFinite(worst.factor)
      ? 'over budget'
      : b.min === true
        ? `${worst.factor.toFixed(1)}× short of it`
        : `${worst.factor.toFixed(1)}× the budget`;
    const got =
      b.of === 'ratio' ? `ratio ${fmt(worst.f.ratio)}` : `${fmt(worst.f.value)} ${worst.f.unit}`;
    return {
      name: worst.f.name,
      size: worst.f.size,
      text: `${worst.f.name} at ${worst.f.size}: ${got} against ${b.text} (${over})`,
    };
  }
  const sync = figures.filter(
    (f) => f.name.startsWith('sync.first_sync_vs') && f.ratio !== undefined,
  );
  const slowest = sync.sort((a, b) => (a.ratio as number) - (b.ratio as number))[0];
  if (slowest) {
    return {
      name: slowest.name,
      size: slowest.size,
      text: `every budgeted figure is within budget; the largest gap is ${slowest.name}: ${fmt(slowest.value)} docs/s, ${fmt(slowest.ratio)}× ${slowest.reference?.name ?? ''} (${fmt(slowest.reference?.value)} docs/s)`,
    };
  }
  if (worst) {
    const share =
      (budgets[worst.f.name] as Budget).max > 0
        ? `${Math.round(worst.factor * 100)}% of its budget`
        : 'none';
    return {
      name: worst.f.name,
      size: worst.f.size,
      text: `every budgeted figure is within budget; closest: ${worst.f.name} at ${share}`,
    };
  }
  return null;
};

export const summaryTable = (figures: Figure[]): string => {
  const head = [
    'figure',
    'size',
    'value',
    'p50',
    'p95',
    'p99',
    'reference',
    'ratio',
    '§7 budget',
    '',
  ];
  const rows = figures.map((f) => {
    const b = budgets[f.name];
    const status = b ? (overBy(f, b) <= 1 ? 'ok' : b.min === true ? 'SHORT' : 'OVER') : '';
    return [
      f.name,
      String(f.size),
      `${fmt(f.value)} ${f.unit}`,
      fmt(f.p50),
      fmt(f.p95),
      fmt(f.p99),
      f.reference ? `${f.reference.name}: ${fmt(f.reference.value)} ${f.reference.unit}` : '',
      fmt(f.ratio),
      b?.text ?? notes[f.name] ?? '',
      status,
    ];
  });
  const widths = head.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r[i] as string).length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
};

/** Where the first sync's CPU went (sync.first_sync_cpu), in one line; null without it. */
export const firstSyncCpuLine = (figures: Figure[]): string | null => {
  const f = figures.find((x) => x.name === 'sync.first_sync_cpu');
  const e = f?.extra;
  if (f === undefined || e === undefined) return null;
  const s = (key: string) => fmt(Number(e[key] ?? 0));
  return (
    `First sync CPU: ${fmt(f.value)} s on ${s('busyCores')} busy cores of ${f.machine.cores} — Chromium's browser process (IndexedDB's backend) ${s('browser')} s, ` +
    `the page ${s('renderer')} s, the server ${s('node')} s, Chromium's other processes ${s('chromium_other')} s; ` +
    `the raw writes with their fetch: ${fmt(f.reference?.value)} s (browser process ${s('raw_browser')} s, page ${s('raw_renderer')} s, server ${s('raw_node')} s).`
  );
};

export const writeSummary = (
  recorder: Recorder,
  run: { quick: boolean; seconds: number },
): void => {
  const { figures, machine, versions } = recorder;
  const gap = largestGap(figures);
  const table = summaryTable(figures);
  const env = `${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.cpuModel}; Node ${versions.node}, ${versions.chromium ?? 'no Chromium'}, RxDB ${versions.rxdb}, Fastify ${versions.fastify}, SQLite ${versions.sqlite ?? '?'}, PostgreSQL ${versions.postgres ?? 'not run'}, PouchDB ${versions.pouchdb ?? '?'}`;
  const text = [
    `Fairlead benchmarks${run.quick ? ' (--quick: small sizes, a smoke test)' : ''} — ${new Date().toISOString()}, ${Math.round(run.seconds)} s`,
    env,
    '',
    table,
    '',
    `Largest gap to DESIGN.md §7: ${gap?.text ?? 'no figures'}`,
    ...[firstSyncCpuLine(figures)].flatMap((line) => (line === null ? [] : ['', line])),
  ].join('\n');
  console.log(`\n${text}`);
  writeFileSync(
    join(resultsDir, 'latest.json'),
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        quick: run.quick,
        seconds: Math.round(run.seconds),
        machine,
        versions,
        largestGap: gap,
        figures: figures.map(({ machine: _m, versions: _v, ...f }) => f),
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(join(resultsDir, 'latest.md'), `${text}\n`);
  console.log(`\nSaved: ${recorder.file}, bench/results/latest.json, bench/results/latest.md`);
};
