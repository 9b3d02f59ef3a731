// One local-document write per burst of changes, each writing the latest state. A failed
// write is reported and tried again after a pause until one succeeds or saving stops, so the
// stored state never stays behind the one in memory without the seller being told.
export type CoalescedSave = {
  /** The state changed: write it soon. */
  schedule(): void;
  /** Resolves once the writes asked for so far have run (stored, or failed and reported). */
  flush(): Promise<void>;
  /** No more retries (the store is closing). */
  stop(): void;
};

export const createCoalescedSave = (
  write: () => Promise<unknown>,
  onFailed: (error: unknown) => void,
  retryMs = 2_000,
): CoalescedSave => {
  let writes: Promise<void> = Promise.resolve();
  let scheduled = false;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    writes = writes.then(async () => {
      scheduled = false;
      try {
        await write();
      } catch (error) {
        onFailed(error);
        if (!stopped && retry === undefined) {
          retry = setTimeout(() => {
            retry = undefined;
            if (!stopped) schedule();
          }, retryMs);
        }
      }
    });
  };
  return {
    schedule,
    flush: () => writes,
    stop() {
      stopped = true;
      clearTimeout(retry);
      retry = undefined;
    },
  };
};
