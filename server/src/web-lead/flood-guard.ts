// A flood guard for the public opt-in page: at most `max` submissions per client address per
// window, kept in this process (a visitor is not an account: no lockout, just a pause).
export type FloodLimit = { max: number; windowMs: number };

export class FloodGuard {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly limit: FloodLimit) {}

  private recent(key: string, now: number): number[] {
    const kept = (this.hits.get(key) ?? []).filter((t) => now - t < this.limit.windowMs);
    if (kept.length === 0) this.hits.delete(key);
    else this.hits.set(key, kept);
    return kept;
  }

  /** Milliseconds until the address may submit again, or 0 when it may now. */
  retryAfter(key: string, now = Date.now()): number {
    const recent = this.recent(key, now);
    if (recent.length < this.limit.max) return 0;
    return this.limit.windowMs - (now - (recent[0] ?? now));
  }

  fail(key: string, now = Date.now()): void {
    this.hits.set(key, [...this.recent(key, now), now]);
    // Bound memory under a flood of distinct addresses.
    if (this.hits.size > 100_000) this.hits.clear();
  }
}
