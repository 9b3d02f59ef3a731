// One device in the test's own realm: sign-in, offline start, first-sync progress, the
// pending count across a restart, and sign-out that refuses to drop unsynced work.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, uniqueName } from '../../renderer/data/test-support';
import { manualConnectivity } from '../../renderer/data/sync/connectivity';
import { startReplication } from '../../renderer/data/sync/replication';
import {
  rememberSession,
  restoreSession,
  sessionInDatabase,
  renameDevice,
  signIn,
  signOut,
  tokenGetter,
} from '../../renderer/data/sync/session';
import { syncCollections } from '../../shared/sync/protocol';
import { writeOfficeDocs } from '../../server/src/office';
import { PASSWORD, startOffice } from './harness';
import { newId, newLead } from './fixtures';
import { memoryPlatform } from './memory-platform';

describe('a device signing in, syncing and signing out', () => {
  let office: Awaited<ReturnType<typeof startOffice>>;
  const email = 'sara@fairlead.example';

  beforeAll(async () => {
    office = await startOffice();
    const seller = await office.addSeller(email);
    const colleague = await office.addSeller('teo@fairlead.example');
    // The colleague's leads sit between Sara's: the device neither pulls nor counts them.
    await writeOfficeDocs(
      office.server.storage,
      'leads',
      Array.from({ length: 30 }, (_, i) =>
        newLead(i % 3 === 0 ? colleague.id : seller.id, { lastName: `Fair ${i}` }),
      ).concat(Array.from({ length: 20 }, (_, i) => newLead(seller.id, { lastName: `Expo ${i}` }))),
    );
  });

  afterAll(async () => {
    await office?.close();
  });

  it('refuses a wrong password and needs the server for the first sign-in', async () => {
    const platform = memoryPlatform();
    const wrong = await signIn(platform, {
      serverUrl: office.url,
      email,
      password: 'nope-nope',
      deviceName: 'x',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    // The server's own reason, in both languages, reaches the sign-in screen.
    expect(wrong.ok ? null : wrong.error.message).toEqual({
      en: expect.stringMatching(/password is not correct/),
      it: expect.stringMatching(/password non sono corrette/),
    });
    const away = await signIn(platform, {
      serverUrl: 'http://127.0.0.1:9',
      email,
      password: PASSWORD,
      deviceName: 'x',
    });
    expect(away).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    expect(away.ok ? '' : away.error.message.it).toMatch(/server/);
    expect(await restoreSession(platform)).toBeNull();
  });

  it('syncs with progress, counts unsynced edits across a restart, and guards sign-out', async () => {
    const platform = memoryPlatform();
    const signed = await signIn(platform, {
      serverUrl: office.url,
      email,
      password: PASSWORD,
      deviceName: 'laptop',
    });
    if (!signed.ok) throw new Error(signed.error.message.en);
    expect(signed.value.device.series).not.toBe('');
    // Afterwards the app opens with no server at all.
    const cached = await restoreSession(platform);
    expect(cached).toEqual(signed.value);

    const name = uniqueName('session');
    let db = await openTestDatabase(name);
    await rememberSession(db, signed.value);
    expect(await sessionInDatabase(db)).toEqual(signed.value);
    const connectivity = manualConnectivity(true);
    const options = {
      serverUrl: office.url,
      getToken: tokenGetter(platform),
      actorId: signed.value.user.id,
      connectivity,
      retryTime: 200,
      minBackoffMs: 100,
      pullBatchSize: 7,
    };
    const progress: { done: number; total: number | null }[] = [];
    let engine = await startReplication(db, {
      ...options,
      onStatus: (s) => s.firstSync && progress.push(s.firstSync),
    });
    await engine.awaitInSync();
    await expect.poll(() => engine.status().firstSync).toBeNull();
    expect(await db.collections.leads.count().exec()).toBe(40);
    const held = (
      await Promise.all(syncCollections.map((c) => db.collections[c].count().exec()))
    ).reduce((a, b) => a + b, 0);
    // The server's counts make the total known, right from the start, never moving.
    const totals = progress.map((p) => p.total).filter((t) => t !== null);
    expect(totals.length).toBeGreaterThan(0);
    expect(new Set(totals)).toEqual(new Set([held]));
    expect(progress.every((p) => p.total === null || p.done <= p.total)).toBe(true);
    expect(progress.at(-1)).toEqual({ done: held, total: held });
    expect(engine.status()).toMatchObject({ online: true, pending: 0 });
    expect(engine.status().lastSyncAt).not.toBeNull();

    // Offline edit, then the app is closed and opened again, still offline.
    connectivity.set(false);
    await expect.poll(() => engine.status().online).toBe(false);
    await db.collections.leads.insert(newLead(signed.value.user.id, { lastName: 'Offline' }));
    await expect.poll(() => engine.status().pending).toBe(1);
    await engine.stop();
    await db.close();
    db = await openTestDatabase(name);
    engine = await startReplication(db, options);
    expect(engine.status()).toMatchObject({ online: false, pending: 1, firstSync: null });

    const refused = await signOut(platform, { status: engine.status() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unsynced_changes', pending: 1 } });
    // Counted as a person says it, in both languages.
    expect(refused.ok ? null : refused.error.message).toEqual({
      en: '1 change has not reached the office yet and 0 were refused. Signing out now would lose them.',
      it: '1 modifica non è ancora arrivata in sede e 0 sono state rifiutate. Uscendo ora andrebbero perse.',
    });
    expect(await restoreSession(platform)).not.toBeNull();

    connectivity.set(true);
    await engine.awaitInSync();
    await expect.poll(() => engine.status().pending).toBe(0);
    const out = await signOut(platform, { status: engine.status(), serverUrl: office.url });
    expect(out).toEqual({ ok: true });
    expect(await restoreSession(platform)).toBeNull();
    await engine.stop();
    await db.remove();
  });

  it('signs out with unsynced changes only when forced', async () => {
    const platform = memoryPlatform();
    const signed = await signIn(platform, {
      serverUrl: office.url,
      email,
      password: PASSWORD,
      deviceName: 'tablet',
    });
    expect(signed.ok).toBe(true);
    const status = { pending: 3, rejected: [] };
    expect((await signOut(platform, { status })).ok).toBe(false);
    expect(await signOut(platform, { status, force: true })).toEqual({ ok: true });
    expect(await restoreSession(platform)).toBeNull();
  });

  it('keeps the series of a device signed in by an older release, and renames it', async () => {
    const platform = memoryPlatform();
    const sign = (installationId?: string) =>
      signIn(platform, {
        serverUrl: office.url,
        email,
        password: PASSWORD,
        deviceName: 'Windows 2026-12-01',
        ...(installationId === undefined ? {} : { installationId }),
      });
    // The older release: no installation id, its session still cached.
    const old = await sign();
    if (!old.ok) throw new Error(old.error.message.en);
    // Upgraded: the installation id plus the device id of the cached session.
    const installationId = newId();
    const upgraded = await sign(installationId);
    if (!upgraded.ok) throw new Error(upgraded.error.message.en);
    expect(upgraded.value.device).toMatchObject({
      id: old.value.device.id,
      series: old.value.device.series,
    });
    // After a sign-out nothing is cached, and the installation id alone finds the device.
    expect((await signOut(platform, { status: { pending: 0, rejected: [] } })).ok).toBe(true);
    const again = await sign(installationId);
    expect(again.ok && again.value.device.series).toBe(old.value.device.series);
    if (!again.ok) return;

    const renamed = await renameDevice(platform, again.value, '  Giulia’s laptop ');
    expect(renamed).toMatchObject({ ok: true, value: { device: { name: 'Giulia’s laptop' } } });
    expect((await restoreSession(platform))?.device.name).toBe('Giulia’s laptop');
    const refused = await renameDevice(platform, again.value, 'tab\u0007name');
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_name' } });
    const away = await renameDevice(
      platform,
      { ...again.value, serverUrl: 'http://127.0.0.1:9' },
      'Offline name',
    );
    expect(away).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    expect(away.ok ? '' : away.error.message.it).toMatch(/connessione/);
    // A new installation of the same name is another device.
    const other = await signIn(memoryPlatform(), {
      serverUrl: office.url,
      email,
      password: PASSWORD,
      deviceName: 'Windows 2026-12-01',
      installationId: newId(),
    });
    expect(other.ok && other.value.device.series).not.toBe(old.value.device.series);
  });
});
