// The pulls' reads on SQLite, in a worker thread with its own read-only connection: WAL lets
// it read the last commit while the main connection writes, and a large page is read and
// copied off the event loop, so sign-ins, pushes and streams go on meanwhile.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

type Row = Record<string, unknown>;
type Query = { id: number; sql: string; params: unknown[]; one: boolean };
type Reply = { id: number; rows?: Row[]; error?: string };
type Pending = { resolve: (rows: Row[]) => void; reject: (e: Error) => void };

// Plain CommonJS evaluated in the worker (no TypeScript loader there); statements are
// prepared once per SQL text.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const statements = new Map();
parentPort.on('message', (q) => {
  if (q === 'close') { db.close(); parentPort.close(); return; }
  try {
    let stmt = statements.get(q.sql);
    if (!stmt) { stmt = db.prepare(q.sql); statements.set(q.sql, stmt); }
    const rows = q.one ? [stmt.get(...q.params)].filter((r) => r !== undefined) : stmt.all(...q.params);
    parentPort.postMessage({ id: q.id, rows });
  } catch (error) {
    parentPort.postMessage({ id: q.id, error: String((error && error.message) || error) });
  }
});`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

export class SqliteReader {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private closed = false;

  constructor(private readonly file: string) {}

  all(sql: string, ...params: unknown[]): Promise<Row[]> {
    return this.ask({ sql, params, one: false });
  }

  async one(sql: string, ...params: unknown[]): Promise<Row | undefined> {
    return (await this.ask({ sql, params, one: true }))[0];
  }

  private ask(query: Omit<Query, 'id'>): Promise<Row[]> {
    if (this.closed) return Promise.reject(new Error('the database is closed'));
    const worker = this.started();
    const id = (this.nextId += 1);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Only a read in flight keeps the process alive.
      worker.ref();
      worker.postMessage({ ...query, id });
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file: this.file, driver },
    });
    worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.error !== undefined) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.rows ?? []);
    });
    // A reader that dies fails the reads in flight; the next read starts another.
    const lost = (error: Error): void => {
      if (this.worker === worker) this.worker = null;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    worker.on('error', lost);
    worker.on('exit', () => lost(new Error('the database reader stopped')));
    this.worker = worker;
    return worker;
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('close');
    const timer = setTimeout(() => void worker.terminate(), 2000);
    await exited;
    clearTimeout(timer);
  }
}
