// CPU time spent by each kind of process while a phase runs, read from /proc (Linux): this
// process (the bench's own servers run in it), Chromium's renderer (the page), Chromium's
// browser process (which runs IndexedDB's backend) and the rest. It tells, on a machine whose
// cores are all busy, which process a figure waits on. Elsewhere it reports nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

export type CpuShare = Record<string, number>;

const TICKS_PER_SECOND = 100;

const kindOf = (pid: string, cmdline: string): string | null => {
  if (pid === String(process.pid)) return 'node';
  if (!/chrom/i.test(cmdline)) return null;
  const type = /--type=([a-z-]+)/.exec(cmdline)?.[1];
  if (type === undefined) return 'browser';
  return type === 'renderer' ? 'renderer' : 'chromium_other';
};

/** Ticks (user + system) of each process of interest, by pid. */
const read = (): Map<string, { kind: string; ticks: number }> => {
  const out = new Map<string, { kind: string; ticks: number }>();
  for (const pid of readdirSync('/proc').filter((name) => /^[0-9]+$/.test(name))) {
    try {
      const kind = kindOf(pid, readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '));
      if (kind === null) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, { kind, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended while it was read.
    }
  }
  return out;
};

/** The machine's busy and total ticks, over all cores. */
const machine = (): { busy: number; total: number } => {
  const cpu = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const total = cpu.reduce((a, b) => a + b, 0);
  return { busy: total - (cpu[3] ?? 0) - (cpu[4] ?? 0), total };
};

/** Starts counting; `stop()` gives CPU seconds by kind and `busyCores` (all cores: their count). */
export const sampleCpu = (): { stop(): CpuShare } | null => {
  if (!existsSync('/proc/stat')) return null;
  const before = read();
  const start = machine();
  return {
    stop() {
      const after = read();
      const end = machine();
      const share: CpuShare = {};
      for (const [pid, { kind, ticks }] of after) {
        const spent = ticks - (before.get(pid)?.ticks ?? 0);
        share[kind] = (share[kind] ?? 0) + spent / TICKS_PER_SECOND;
      }
      const busy = (end.busy - start.busy) / Math.max(1, end.total - start.total);
      share['busyCores'] = busy * cpus().length;
      return share;
    },
  };
};
