// Backpressure for a first sync. RxDB asks for the next pull page as soon as the previous one
// is handed over, before it is written: with a server faster than the device's store, a
// first sync of 50k documents piled most of the share up in memory, and RxDB merged the
// waiting pages into writes of tens of thousands of documents. The gate holds the next pull
// while more than `limit` handed documents are still unwritten, so one page is written while
// the next one is fetched.
export type PullGate = {
  /** Resolves when the next page may be fetched (at once once the gate is open). */
  ready(): Promise<void>;
  /** The ids of a page handed to RxDB. */
  handed(ids: readonly string[]): void;
  /** RxDB wrote this pulled document into the store. */
  written(id: string): void;
  /** No holding any more: the first sync is over, failed or is being stopped. */
  open(): void;
};

/** How long a pull waits with no document reported written before it goes ahead anyway. */
export const PULL_GATE_STALL_MS = 5_000;

export const createPullGate = (limit: number, stallMs = PULL_GATE_STALL_MS): PullGate => {
  let opened = false;
  // Ids written so far: a page pulled again (a re-sync restarts from the stored checkpoint)
  // holds documents RxDB finds already written and writes no more; nothing waits on those.
  const done = new Set<string>();
  const unwritten = new Set<string>();
  let waiters: (() => void)[] = [];
  const check = (): void => {
    if (waiters.length > 0 && (opened || unwritten.size <= limit)) {
      const woken = waiters;
      waiters = [];
      for (const w of woken) w();
    }
  };
  return {
    async ready() {
      // Backpressure, never a stop: a document RxDB skipped without reporting it (a conflict
      // it resolves with another write) must not hold the first sync for good.
      while (!opened && unwritten.size > limit) {
        const progressed = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), stallMs);
          waiters.push(() => {
            clearTimeout(timer);
            resolve(true);
          });
        });
        if (!progressed) return;
      }
    },
    handed(ids) {
      if (opened) return;
      for (const id of ids) if (!done.has(id)) unwritten.add(id);
    },
    written(id) {
      if (opened) return;
      done.add(id);
      unwritten.delete(id);
      check();
    },
    open() {
      opened = true;
      done.clear();
      unwritten.clear();
      check();
    },
  };
};
