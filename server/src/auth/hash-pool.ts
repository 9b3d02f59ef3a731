// Password hashing off the event loop in a small, bounded pool of worker threads. scrypt on
// libuv's pool runs four hashes at once and, on a two-core office server, a burst of
// sign-ins then takes every core from sync; here at most `size` hashes run at a time
// (one core is left to the event loop) and the rest wait their turn in order.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export type ScryptJob = {
  password: string;
  salt: Buffer;
  keyLength: number;
  n: number;
  r: number;
  p: number;
};

type Waiting = { job: ScryptJob; resolve: (key: Buffer) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; busy: Waiting | null };

// Plain CommonJS evaluated in the worker: it needs no loader for TypeScript.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
parentPort.on('message', (job) => {
  try {
    const key = scryptSync(job.password, Buffer.from(job.salt), job.keyLength, {
      N: job.n, r: job.r, p: job.p, maxmem: 64 * 1024 * 1024,
    });
    parentPort.postMessage({ key });
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
});`;

/** Workers for hashing: PASSWORD_WORKERS, else one less than the cores (at least one). */
export const defaultPoolSize = (env: NodeJS.ProcessEnv = process.env): number => {
  const configured = Number(env.PASSWORD_WORKERS);
  if (Number.isInteger(configured) && configured > 0) return Math.min(configured, 16);
  return Math.max(1, availableParallelism() - 1);
};

export class HashPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Waiting[] = [];
  /** Hashes started since the pool was made. */
  hashed = 0;

  constructor(readonly size = defaultPoolSize()) {}

  /** How many hashes wait for a free worker (not counting those running). */
  get waiting(): number {
    return this.queue.length;
  }

  scrypt(job: ScryptJob): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.freeSlot();
      if (!slot) return;
      const next = this.queue.shift() as Waiting;
      slot.busy = next;
      this.hashed += 1;
      // A running hash keeps the process alive; an idle pool does not.
      slot.worker.ref();
      slot.worker.postMessage(next.job);
    }
  }

  private freeSlot(): Slot | null {
    const idle = this.slots.find((s) => s.busy === null);
    if (idle) return idle;
    if (this.slots.length >= this.size) return null;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    const slot: Slot = { worker, busy: null };
    worker.on('message', (reply: { key?: Uint8Array; error?: string }) => {
      const done = slot.busy;
      slot.busy = null;
      worker.unref();
      if (reply.key) done?.resolve(Buffer.from(reply.key));
      else done?.reject(new Error(reply.error ?? 'hashing failed'));
      this.dispatch();
    });
    // A worker that dies fails its hash only; the next hash starts a new worker.
    worker.on('error', (error) => this.retire(slot, error));
    worker.on('exit', () => this.retire(slot, new Error('the hashing worker stopped')));
    this.slots.push(slot);
    return slot;
  }

  private retire(slot: Slot, error: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    slot.busy?.reject(error);
    slot.busy = null;
    this.dispatch();
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

/** The process's pool, made on first use. */
let shared: HashPool | null = null;
export const hashPool = (): HashPool => (shared ??= new HashPool());
