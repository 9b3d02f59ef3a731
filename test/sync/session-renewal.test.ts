// A device renews its token once half its life has passed, without the password, and keeps
// its session when the server cannot be reached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  refreshDue,
  refreshSession,
  restoreSession,
  signIn,
  TOKEN_KEY,
} from '../../renderer/data/sync/session';
import type { DeviceSession } from '../../renderer/data/sync/session';
import { PASSWORD, startOffice } from './harness';
import { memoryPlatform } from './memory-platform';

const later = (iso: string, days: number): string =>
  new Date(Date.parse(iso) + days * 86_400_000).toISOString();

describe('renewing the session on the device', () => {
  let office: Awaited<ReturnType<typeof startOffice>>;
  const email = 'lia@fairlead.example';

  beforeAll(async () => {
    office = await startOffice();
    await office.addSeller(email);
  });
  afterAll(async () => {
    await office?.close();
  });

  const signedIn = async () => {
    const platform = memoryPlatform();
    const result = await signIn(platform, {
      serverUrl: office.url,
      email,
      password: PASSWORD,
      deviceName: 'laptop',
    });
    if (!result.ok) throw new Error(result.error.message.en);
    return { platform, session: result.value };
  };
  const token = async (platform: ReturnType<typeof memoryPlatform>) => {
    const t = await platform.getSecret(TOKEN_KEY);
    return t.ok ? t.value : null;
  };

  it('is due once half of the token’s life has passed since sign-in or the last renewal', () => {
    const session = {
      signedInAt: '2026-03-01T00:00:00.000Z',
      expiresAt: '2026-03-31T00:00:00.000Z',
    } as DeviceSession;
    expect(refreshDue(session, '2026-03-15T00:00:00.000Z')).toBe(false);
    expect(refreshDue(session, '2026-03-16T00:00:00.000Z')).toBe(true);
    const renewed = { ...session, refreshedAt: '2026-03-16T00:00:00.000Z' };
    expect(
      refreshDue({ ...renewed, expiresAt: '2026-04-15T00:00:00.000Z' }, '2026-03-20T00:00:00.000Z'),
    ).toBe(false);
  });

  it('keeps a fresh token, and renews an older one that then syncs', async () => {
    const { platform, session } = await signedIn();
    const first = await token(platform);
    const soon = await refreshSession(platform, session, {
      now: () => later(session.signedInAt, 1),
    });
    expect(soon).toBe(session);
    expect(await token(platform)).toBe(first);

    const now = later(session.signedInAt, 16);
    const renewed = await refreshSession(platform, session, { now: () => now });
    expect(renewed.refreshedAt).toBe(now);
    expect(Date.parse(renewed.expiresAt)).toBeGreaterThanOrEqual(Date.parse(session.expiresAt));
    const second = await token(platform);
    expect(second).not.toBe(first);
    expect(await restoreSession(platform)).toEqual(renewed);
    const pulled = await fetch(`${office.url}/api/sync/leads/pull`, {
      headers: { authorization: `Bearer ${second ?? ''}` },
    });
    expect(pulled.status).toBe(200);
  });

  it('keeps the session as it is when the server cannot be reached', async () => {
    const { platform, session } = await signedIn();
    const first = await token(platform);
    const away = await refreshSession(
      platform,
      { ...session, serverUrl: 'http://127.0.0.1:9' },
      { now: () => later(session.signedInAt, 20) },
    );
    expect(away.refreshedAt).toBeUndefined();
    expect(await token(platform)).toBe(first);
  });
});
