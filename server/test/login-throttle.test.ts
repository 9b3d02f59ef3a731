// Failed sign-ins on SQLite and PostgreSQL: counted per account in the database, so two
// server processes over one store lock the same account; only a soft, short throttle per
// client address; the forwarded address is believed only with TRUST_PROXY.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FairleadServer } from '../src/app';
import {
  accountAfterFailure,
  addressAfterFailure,
  defaultThrottlePolicy,
} from '../src/auth/rate-limit';
import { parseTrustProxy } from '../src/config';
import type { Office, Place } from './harness';
import { adapters, freshPlace, PASSWORD, seedOffice, startServer } from './harness';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('throttle arithmetic', () => {
  const policy = { ...defaultThrottlePolicy, accountFailures: 3, lockoutMs: 1000 };
  it('locks an account after N failures, doubling the wait up to the cap', () => {
    let counter = null;
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      counter = accountAfterFailure(counter, 10_000, policy);
      waits.push(counter.lockedUntil === 0 ? 0 : counter.lockedUntil - 10_000);
    }
    expect(waits).toEqual([0, 0, 1000, 2000, 4000, 8000, 16000, 32000]);
    const capped = accountAfterFailure({ failures: 60, since: 0, lockedUntil: 0 }, 1, policy);
    expect(capped.lockedUntil - 1).toBe(policy.maxLockoutMs);
    // A run of failures a day old is forgotten.
    const old = { failures: 9, since: 0, lockedUntil: 0 };
    expect(accountAfterFailure(old, policy.accountMemoryMs + 1, policy).failures).toBe(1);
  });

  it('slows an address only until its window ends', () => {
    const p = { ...defaultThrottlePolicy, addressFailures: 2, addressWindowMs: 60_000 };
    const one = addressAfterFailure(null, 1000, p);
    const two = addressAfterFailure(one, 2000, p);
    expect(one.lockedUntil).toBe(0);
    expect(two.lockedUntil).toBe(61_000);
    expect(addressAfterFailure(two, 61_000, p)).toEqual({
      failures: 1,
      since: 61_000,
      lockedUntil: 0,
    });
  });

  it('reads TRUST_PROXY', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8')).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(() => parseTrustProxy('the proxy')).toThrow(/TRUST_PROXY/);
  });
});

describe.each(adapters)('sign-in throttling on %s', (adapter) => {
  let place: Place;
  let first: FairleadServer;
  let office: Office;
  const extra: FairleadServer[] = [];

  const login = (
    server: FairleadServer,
    email: string,
    password: string,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ email, password, deviceName: 'laptop' }),
    });

  const another = async (options: Parameters<typeof startServer>[1]) => {
    const server = await startServer(place, options);
    extra.push(server);
    return server;
  };

  beforeAll(async () => {
    place = await freshPlace(adapter);
    first = await startServer(place);
    office = await seedOffice(first);
  });
  afterEach(async () => {
    for (const s of extra.splice(0)) await s.close();
  });
  afterAll(async () => {
    await first?.close();
    await place?.drop();
  });

  it('locks an account across two server processes, never the rest of the office', async () => {
    const policy = { accountFailures: 3, lockoutMs: 800, maxLockoutMs: 5_000 };
    const one = await another({ loginThrottle: policy });
    const two = await another({ loginThrottle: policy });
    expect((await login(one, office.a.email, 'wrong 1')).status).toBe(401);
    expect((await login(two, office.a.email, 'wrong 2')).status).toBe(401);
    expect((await login(one, office.a.email, 'wrong 3')).status).toBe(401);
    for (const server of [two, one]) {
      const locked = await login(server, office.a.email, PASSWORD);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const body = (await locked.json()) as { code: string; message: string };
      expect(body.code).toBe('rate_limited');
      expect(body.message).toMatch(/try again/);
    }
    // Colleagues behind the same address still sign in.
    expect((await login(two, office.c.email, PASSWORD)).status).toBe(200);
    await sleep(900);
    expect((await login(two, office.a.email, PASSWORD)).status).toBe(200);
    // The success reset the count: one more failure is a plain 401 again.
    expect((await login(one, office.a.email, 'wrong 4')).status).toBe(401);
    expect((await login(one, office.a.email, PASSWORD)).status).toBe(200);
  });

  it('grows the lockout with each failure after it', async () => {
    const one = await another({ loginThrottle: { accountFailures: 1, lockoutMs: 400 } });
    expect((await login(one, office.b.email, 'wrong')).status).toBe(401);
    expect((await login(one, office.b.email, PASSWORD)).status).toBe(429);
    await sleep(450);
    expect((await login(one, office.b.email, 'wrong again')).status).toBe(401);
    await sleep(450); // the second lockout is 800 ms
    expect((await login(one, office.b.email, PASSWORD)).status).toBe(429);
    await sleep(450);
    expect((await login(one, office.b.email, PASSWORD)).status).toBe(200);
  });

  it('only slows an address for a short window, and ignores forwarded addresses by default', async () => {
    const policy = { accountFailures: 100, addressFailures: 3, addressWindowMs: 700 };
    const direct = await another({ loginThrottle: policy });
    for (let i = 0; i < 3; i++) {
      const spoofed = { 'x-forwarded-for': `203.0.113.${i + 1}` };
      expect((await login(direct, `nobody${i}@example.com`, 'x', spoofed)).status).toBe(401);
    }
    const slowed = await login(direct, office.m.email, PASSWORD, {
      'x-forwarded-for': '203.0.113.99',
    });
    expect(slowed.status).toBe(429);
    await sleep(750);
    expect((await login(direct, office.m.email, PASSWORD)).status).toBe(200);
  });

  it('counts the forwarded client address under TRUST_PROXY', async () => {
    const policy = { accountFailures: 100, addressFailures: 3, addressWindowMs: 60_000 };
    const proxied = await another({ loginThrottle: policy, trustProxy: ['127.0.0.1', '::1'] });
    for (let i = 0; i < 3; i++) {
      const from = { 'x-forwarded-for': '198.51.100.7' };
      expect((await login(proxied, `intruder${i}@example.com`, 'x', from)).status).toBe(401);
    }
    const intruder = await login(proxied, office.admin.email, PASSWORD, {
      'x-forwarded-for': '198.51.100.7',
    });
    expect(intruder.status).toBe(429);
    // Another client behind the same proxy is not slowed.
    const colleague = await login(proxied, office.admin.email, PASSWORD, {
      'x-forwarded-for': '198.51.100.8',
    });
    expect(colleague.status).toBe(200);
  });
});
