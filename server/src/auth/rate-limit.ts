// Failed sign-ins, counted in the database so every server process of the office sees the
// same numbers. Per account: after a few failures it is locked, for longer after each
// further failure, until a correct sign-in resets it. Per client address only a soft
// throttle: many sellers share the office's one public address, so it slows a flood for at
// most a short window and never locks the office out.
import type { LoginCounter, Storage } from '../storage/types';

export type ThrottlePolicy = {
  /** Failures of one account before it is locked. */
  accountFailures: number;
  /** The first lockout; it doubles with each further failure. */
  lockoutMs: number;
  /** The longest lockout. */
  maxLockoutMs: number;
  /** A run of failures this old (since the last one) is forgotten. */
  accountMemoryMs: number;
  /** Failures from one address within a window before it is slowed until the window ends. */
  addressFailures: number;
  addressWindowMs: number;
};

export const defaultThrottlePolicy: ThrottlePolicy = {
  accountFailures: 5,
  lockoutMs: 30_000,
  maxLockoutMs: 15 * 60_000,
  accountMemoryMs: 24 * 3600_000,
  addressFailures: 100,
  addressWindowMs: 60_000,
};

const accountKey = (email: string): string => `account:${email.trim().toLowerCase()}`;
const addressKey = (address: string): string => `address:${address}`;

/** The account counter after one more failure. */
export const accountAfterFailure = (
  current: LoginCounter | null,
  now: number,
  policy: ThrottlePolicy,
): LoginCounter => {
  const stale = current !== null && now - current.since > policy.accountMemoryMs;
  const failures = current === null || stale ? 1 : current.failures + 1;
  const over = failures - policy.accountFailures;
  const lockedUntil =
    over < 0 ? 0 : now + Math.min(policy.lockoutMs * 2 ** Math.min(over, 30), policy.maxLockoutMs);
  return { failures, since: current === null || stale ? now : current.since, lockedUntil };
};

/** The address counter after one more failure: a fixed window, slowed once it is full. */
export const addressAfterFailure = (
  current: LoginCounter | null,
  now: number,
  policy: ThrottlePolicy,
): LoginCounter => {
  const fresh = current === null || now - current.since >= policy.addressWindowMs;
  const since = fresh ? now : current.since;
  const failures = fresh ? 1 : current.failures + 1;
  const lockedUntil = failures >= policy.addressFailures ? since + policy.addressWindowMs : 0;
  return { failures, since, lockedUntil };
};

export class LoginThrottle {
  readonly policy: ThrottlePolicy;

  constructor(
    private readonly storage: Storage,
    policy: Partial<ThrottlePolicy> = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.policy = { ...defaultThrottlePolicy, ...policy };
  }

  /** Milliseconds until this account may try again from this address; 0: now. */
  async retryAfter(email: string, address: string): Promise<number> {
    const now = this.clock();
    const [account, from] = await Promise.all([
      this.storage.loginCounter(accountKey(email)),
      this.storage.loginCounter(addressKey(address)),
    ]);
    return Math.max(0, (account?.lockedUntil ?? 0) - now, (from?.lockedUntil ?? 0) - now);
  }

  async failed(email: string, address: string): Promise<void> {
    const now = this.clock();
    await this.storage.updateLoginCounter(
      accountKey(email),
      (c) => accountAfterFailure(c, now, this.policy),
      now,
    );
    await this.storage.updateLoginCounter(
      addressKey(address),
      (c) => addressAfterFailure(c, now, this.policy),
      now,
    );
    // Keys of unknown emails would pile up: now and then forget the long-quiet ones.
    if (Math.random() < 0.01) {
      await this.storage.pruneLoginCounters(now - this.policy.accountMemoryMs);
    }
  }

  /** A correct sign-in clears the account's failures (not the address's). */
  async succeeded(email: string): Promise<void> {
    await this.storage.updateLoginCounter(accountKey(email), () => null, this.clock());
  }
}
