// A server answer that does not have the API's shape (shared/sync/api-endpoints.ts) is refused
// on the device: the call fails with plain words in both languages, the sync status shows
// them, and nothing of the answer reaches the store. The "server" here is a tiny real HTTP
// server that answers 200 with the wrong thing.
import 'fake-indexeddb/auto';
import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncEndpoints } from '../../shared/sync/api-endpoints';
import { createOfficeAdminClient } from '../../renderer/data/office/admin-client';
import { unreadableAnswer } from '../../renderer/data/sync/answers';
import { createSyncClient, SyncHttpError } from '../../renderer/data/sync/client';
import { manualConnectivity } from '../../renderer/data/sync/connectivity';
import { startReplication } from '../../renderer/data/sync/replication';
import { openTestDatabase, uniqueName } from '../../renderer/data/test-support';
import { newLead } from './fixtures';
import { firstSyncError } from './harness';

const lead = { ...newLead('seller-1'), _deleted: false };

// What the tiny server answers, by "METHOD path" (without the query).
const answers = new Map<string, string>([
  ['GET /health', JSON.stringify({ status: 'ok', storage: 'sqlite', time: 'now' })],
  // A whole page of good documents with a checkpoint that is not one: nothing may be stored.
  ['GET /api/sync/leads/pull', JSON.stringify({ documents: [lead], checkpoint: { seq: '7' } })],
  // Each document is checked for the fields the device relies on (id, _deleted), not copied.
  [
    'GET /api/sync/contacts/pull',
    JSON.stringify({ documents: [{ id: 'c-1', name: 'Ada' }], checkpoint: { seq: 1 } }),
  ],
  ['POST /api/sync/leads/push', JSON.stringify({ conflicts: [] })],
  ['POST /api/auth/login', '<html>Welcome to the hotel Wi-Fi</html>'],
  ['POST /api/auth/refresh', JSON.stringify({ token: 42, expiresAt: 'soon' })],
  ['PUT /api/devices/current', JSON.stringify([])],
  ['GET /api/admin/users', JSON.stringify([{ id: 1, email: 'a@b.example' }])],
  ['POST /api/admin/catalog/import', JSON.stringify({ products: '12' })],
]);

const answer = (res: ServerResponse, status: number, body: string) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body);
};

describe('a malformed server answer', () => {
  let server: Server;
  let url = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      const key = `${req.method ?? ''} ${(req.url ?? '').split('?')[0] ?? ''}`;
      req.resume();
      if (key === 'GET /api/sync/stream') {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(': connected\n\ndata: {"collection":"nowhere"}\n\n');
        return;
      }
      const body = answers.get(key);
      if (body === undefined) answer(res, 404, JSON.stringify({ code: 'not_found' }));
      else answer(res, 200, body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it.each([
    ['pull', syncEndpoints.pull, 'the field checkpoint.seq', 'il campo checkpoint.seq'],
    [
      'pullDocument',
      syncEndpoints.pull,
      'the field documents.0._deleted',
      'il campo documents.0._deleted',
    ],
    ['push', syncEndpoints.push, 'the field rejected', 'il campo rejected'],
    ['login', syncEndpoints.login, 'it is not JSON', 'non è JSON'],
    ['refresh', syncEndpoints.refresh, 'the field token', 'il campo token'],
    [
      'renameDevice',
      syncEndpoints.renameDevice,
      'the answer as a whole',
      'la risposta nel suo insieme',
    ],
  ] as const)('%s: a clear error naming what is wrong', async (call, endpoint, en, it) => {
    const client = createSyncClient({ serverUrl: url, getToken: () => 't' });
    const calls = {
      pull: () => client.pull('leads', null, 10),
      pullDocument: () => client.pull('contacts', null, 10),
      push: () => client.push('leads', []),
      login: () => client.login({ email: 'a@b.example', password: 'x', deviceName: 'laptop' }),
      refresh: () => client.refresh(),
      renameDevice: () => client.renameDevice({ name: 'tablet' }),
    };
    const error = await calls[call]().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncHttpError);
    expect(error).toMatchObject({ status: 200, code: 'bad_answer', fromServer: false });
    const { messages } = error as SyncHttpError;
    expect(messages.en).toContain(`${endpoint.method} ${endpoint.path}: ${en})`);
    expect(messages.it).toContain(`${endpoint.method} ${endpoint.path}: ${it})`);
    expect(messages.en).toMatch(/^The office server sent an answer this app cannot read/);
    expect(messages.it).toMatch(/^Il server della sede ha inviato una risposta/);
  });

  it('fails an administration call with the same plain words', async () => {
    const admin = createOfficeAdminClient({ serverUrl: url, getToken: () => 't' });
    const users = await admin.users();
    expect(users).toMatchObject({ ok: false, error: { code: 'bad_answer' } });
    if (!users.ok) expect(users.error.message.it).toContain('GET /api/admin/users: il campo 0.id');
    const imported = await admin.importCatalog('sku,name');
    expect(imported).toMatchObject({ ok: false, error: { code: 'bad_answer' } });
    if (!imported.ok) expect(imported.error.message.en).toContain('the field products');
  });

  it('shows in the sync status in both languages, and stores nothing of it', async () => {
    const db = await openTestDatabase(uniqueName('bad-answer'));
    const engine = await startReplication(db, {
      serverUrl: url,
      getToken: () => 't',
      actorId: 'seller-1',
      connectivity: manualConnectivity(true),
      collections: ['leads'],
      retryTime: 200,
    });
    try {
      const status = await firstSyncError(engine);
      expect(status.error).toEqual({
        code: 'server_error',
        message: unreadableAnswer(syncEndpoints.pull, {
          code: 'invalid_type',
          expected: 'number',
          path: ['checkpoint', 'seq'],
          message: '',
          input: '7',
        }),
      });
      expect(status.error?.message.it).toContain('GET /api/sync/:collection/pull');
      expect(await db.collections.leads.count().exec()).toBe(0);
    } finally {
      await engine.stop();
      await db.remove();
    }
  });
});
