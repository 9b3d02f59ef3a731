// One measured figure of the benchmark: printed as a JSON line, appended to the run's
// results file, and kept for the summary table.
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export type Machine = { cores: number; memoryGiB: number; cpuModel: string };

export type Versions = {
  node: string;
  chromium: string | null;
  rxdb: string;
  fastify: string;
  sqlite: string | null;
  postgres: string | null;
  pouchdb: string | null;
};

export type FigureInput = {
  /** Stable key, e.g. `device.capture_to_list`. */
  name: string;
  /** What was measured, in words. */
  what: string;
  value: number;
  unit: string;
  /** The dataset size the figure was measured at (records or documents). */
  size: number;
  p50?: number;
  p95?: number;
  p99?: number;
  /** The reference figure this one is judged against, measured in the same run. */
  reference?: { name: string; value: number; unit: string };
  /** value ÷ reference.value */
  ratio?: number;
  extra?: Record<string, number | string>;
};

export type Figure = FigureInput & { machine: Machine; versions: Versions; at: string };

export const repoRoot = new URL('../../', import.meta.url).pathname;
export const resultsDir = join(repoRoot, 'bench/results');

export const machineInfo = (): Machine => ({
  cores: cpus().length,
  memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
});

export const packageVersion = (name: string, from = repoRoot): string | null => {
  for (const base of [from, join(repoRoot, 'server')]) {
    try {
      const raw = readFileSync(join(base, 'node_modules', name, 'package.json'), 'utf8');
      return (JSON.parse(raw) as { version: string }).version;
    } catch {
      // try the next place
    }
  }
  return null;
};

export type Recorder = {
  versions: Versions;
  machine: Machine;
  figures: Figure[];
  record(figure: FigureInput): Figure;
  file: string;
};

export const createRecorder = (versions: Versions, stamp: string): Recorder => {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${stamp}.jsonl`);
  const machine = machineInfo();
  const figures: Figure[] = [];
  return {
    versions,
    machine,
    figures,
    file,
    record(input) {
      const figure: Figure = { ...input, machine, versions, at: new Date().toISOString() };
      figures.push(figure);
      const line = JSON.stringify(figure);
      console.log(line);
      appendFileSync(file, `${line}\n`);
      return figure;
    },
  };
};
