// Knowing when the server is reachable: the platform's online/offline signal plus a
// reachability check on /health, retried with exponential backoff while it fails, so
// pushes start within seconds of the network coming back.

/** What the runtime says about the network (navigator.onLine in a page; a switch in tests). */
export type ConnectivitySource = {
  isOnline(): boolean;
  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: (online: boolean) => void): () => void;
};

// Read through globalThis so this module also type-checks and runs where there is no DOM.
type OnlineGlobal = {
  navigator?: { onLine?: boolean };
  addEventListener?: (type: 'online' | 'offline', listener: () => void) => void;
  removeEventListener?: (type: 'online' | 'offline', listener: () => void) => void;
};

/** The browser's (and Electron renderer's) online/offline events. */
export const browserConnectivity = (): ConnectivitySource => {
  const g = globalThis as OnlineGlobal;
  return {
    isOnline: () => g.navigator?.onLine ?? true,
    subscribe: (listener) => {
      const on = (): void => listener(true);
      const off = (): void => listener(false);
      g.addEventListener?.('online', on);
      g.addEventListener?.('offline', off);
      return () => {
        g.removeEventListener?.('online', on);
        g.removeEventListener?.('offline', off);
      };
    },
  };
};

/** A connectivity switch, for tests and for Node. */
export const manualConnectivity = (initial = true) => {
  let online = initial;
  const listeners = new Set<(online: boolean) => void>();
  return {
    isOnline: () => online,
    subscribe: (listener: (online: boolean) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next: boolean): void {
      if (next === online) return;
      online = next;
      for (const l of [...listeners]) l(next);
    },
  };
};

export type ReachabilityOptions = {
  source: ConnectivitySource;
  /** Resolves true when the server answers. */
  check: () => Promise<boolean>;
  onChange: (reachable: boolean) => void;
  /** Check interval while all is well. */
  healthyIntervalMs?: number;
  /** First retry delay after a failure; doubles up to maxBackoffMs. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
};

/**
 * Tracks whether the server is reachable. `reportFailure()` lets a failed request start the
 * backoff at once instead of waiting for the next periodic check.
 */
export const watchReachability = (options: ReachabilityOptions) => {
  const healthy = options.healthyIntervalMs ?? 30_000;
  const minBackoff = options.minBackoffMs ?? 1_000;
  const maxBackoff = options.maxBackoffMs ?? 30_000;
  let reachable = false;
  let backoff = minBackoff;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let checking = false;
  let stopped = false;

  const set = (next: boolean): void => {
    if (next === reachable) return;
    reachable = next;
    options.onChange(next);
  };

  const schedule = (ms: number): void => {
    if (stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void probe(), ms);
  };

  const probe = async (): Promise<void> => {
    if (stopped || checking) return;
    if (!options.source.isOnline()) {
      set(false);
      return; // the next 'online' event probes again
    }
    checking = true;
    const ok = await options.check().catch(() => false);
    checking = false;
    if (stopped) return;
    if (ok) {
      backoff = minBackoff;
      set(true);
      schedule(healthy);
    } else {
      set(false);
      schedule(backoff);
      backoff = Math.min(backoff * 2, maxBackoff);
    }
  };

  const unsubscribe = options.source.subscribe((online) => {
    if (!online) {
      if (timer !== undefined) clearTimeout(timer);
      set(false);
    } else {
      backoff = minBackoff;
      void probe();
    }
  });
  void probe();

  return {
    isReachable: () => reachable,
    /** A request failed for network reasons: assume unreachable and start the backoff. */
    reportFailure(): void {
      if (!reachable && timer !== undefined) return;
      set(false);
      backoff = minBackoff;
      schedule(backoff);
    },
    /** A request succeeded: the server is reachable. */
    reportSuccess(): void {
      if (!reachable) {
        backoff = minBackoff;
        set(true);
        schedule(healthy);
      }
    },
    probeNow: (): Promise<void> => probe(),
    stop(): void {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      unsubscribe();
    },
  };
};
