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

export const createPullGate = (limit: number): PullGate => {
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
      while (!opened && unwritten.size > limit) {
        await new Promise<void>((resolve) => waiters.push(resolve));
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
