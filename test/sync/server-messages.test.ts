// The server's reasons reach the device in both languages: a refused request keeps them on
// the error, and the sync status shows them (here: a session the server no longer knows).
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncClient, SyncHttpError } from '../../renderer/data/sync/client';
import { manualConnectivity } from '../../renderer/data/sync/connectivity';
import { startReplication } from '../../renderer/data/sync/replication';
import { openTestDatabase, uniqueName } from '../../renderer/data/test-support';
import { firstSyncError, startOffice } from './harness';

describe("the server's reasons on the device", () => {
  let office: Awaited<ReturnType<typeof startOffice>>;

  beforeAll(async () => {
    office = await startOffice();
  });
  afterAll(async () => {
    await office?.close();
  });

  it('keeps both languages on a refused request, and its own words when unreachable', async () => {
    const client = createSyncClient({ serverUrl: office.url, getToken: () => 'not-a-token' });
    const refused = await client.pull('leads', null, 10).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SyncHttpError);
    expect(refused).toMatchObject({
      status: 401,
      fromServer: true,
      messages: {
        en: 'Please sign in again: the session is missing or has expired.',
        it: 'Accedi di nuovo: la sessione manca o è scaduta.',
      },
    });
    const away = createSyncClient({ serverUrl: 'http://127.0.0.1:9', getToken: () => null });
    const unreachable = await away.pull('leads', null, 10).catch((e: unknown) => e);
    expect(unreachable).toMatchObject({
      code: 'network',
      fromServer: false,
      messages: { it: 'Il server non è raggiungibile.' },
    });
  });

  it('shows an expired session in the sync status in both languages', async () => {
    const db = await openTestDatabase(uniqueName('expired'));
    const engine = await startReplication(db, {
      serverUrl: office.url,
      getToken: () => 'revoked-long-ago',
      actorId: 'nobody',
      connectivity: manualConnectivity(true),
      collections: ['leads'],
      retryTime: 200,
    });
    try {
      const status = await firstSyncError(engine);
      expect(status.error).toEqual({
        code: 'session_expired',
        message: {
          en: 'Please sign in again: the session is missing or has expired.',
          it: 'Accedi di nuovo: la sessione manca o è scaduta.',
        },
      });
    } finally {
      await engine.stop();
      await db.remove();
    }
  });
});
