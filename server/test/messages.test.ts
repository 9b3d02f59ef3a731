// Every refusal the server answers says why in English and in Italian: whole requests
// (ApiError) and single pushed rows (RejectedRow). The Italian text must not be English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, PushResponse } from '../../shared/sync/protocol';
import type { FairleadServer } from '../src/app';
import { newId } from '../src/ids';
import { disableUser } from '../src/office';
import { leadDoc, productDoc } from './fixtures';
import type { Client, Office, Place } from './harness';
import { adapters, freshPlace, PASSWORD, seedOffice, signIn, startServer } from './harness';

// Words an English sentence hardly goes without, and Italian never uses.
const englishWords = /\b(the|is|are|not|must|please|too|expected|invalid|request|should|of)\b/i;

const expectBilingual = (body: { message: string; messages?: { en: string; it: string } }) => {
  expect(body.messages, JSON.stringify(body)).toBeDefined();
  const { en, it } = body.messages ?? { en: '', it: '' };
  expect(body.message).toBe(en);
  expect(en.length).toBeGreaterThan(5);
  expect(it.length).toBeGreaterThan(5);
  expect(it).not.toBe(en);
  expect(it, `English in the Italian text: ${it}`).not.toMatch(englishWords);
};

const expectApiError = async (res: Response, status: number, code: ApiError['code']) => {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  const body = JSON.parse(text) as ApiError;
  expect(body.code).toBe(code);
  expectBilingual(body);
};

describe.each(adapters)('messages in both languages on %s', (adapter) => {
  let place: Place;
  let server: FairleadServer;
  let office: Office;
  let anna: Client;
  let url: string;

  const login = (email: string, password: string, deviceName = 'laptop') =>
    fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, deviceName }),
    });

  beforeAll(async () => {
    place = await freshPlace(adapter);
    server = await startServer(place, { loginThrottle: { accountFailures: 3 } });
    url = server.url ?? '';
    office = await seedOffice(server);
    anna = await signIn(server, office.a.email);
  });
  afterAll(async () => {
    await server?.close();
    await place?.drop();
  });

  it('says why a sign-in or a session is refused', async () => {
    await expectApiError(await login(office.a.email, 'wrong password'), 401, 'unauthorized');
    await disableUser(server.storage, office.c.email);
    await expectApiError(await login(office.c.email, PASSWORD), 401, 'unauthorized');
    await expectApiError(await fetch(`${url}/api/sync/leads/pull`), 401, 'unauthorized');
    const expired = await fetch(`${url}/api/auth/me`, {
      headers: { authorization: 'Bearer no-such-token' },
    });
    await expectApiError(expired, 401, 'unauthorized');
    await expectApiError(await fetch(`${url}/api/sync/stream`), 401, 'unauthorized');
    // Failures until the throttle answers.
    let last: Response | null = null;
    for (let i = 0; i < 12; i++) {
      last = await login(office.b.email, 'still wrong');
      if (last.status === 429) break;
      await last.text();
    }
    await expectApiError(last as Response, 429, 'rate_limited');
  });

  it("says why Fastify's own checks refuse a request", async () => {
    const post = (path: string, body: string, type = 'application/json') =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${anna.login.token}`, 'content-type': type },
        body,
      });
    await expectApiError(await post('/api/sync/leads/push', '{"not":'), 400, 'bad_request');
    await expectApiError(await post('/api/sync/leads/push', ''), 400, 'bad_request');
    await expectApiError(await post('/api/sync/leads/push', '{"a":1}'), 400, 'bad_request');
    await expectApiError(
      await post('/api/sync/leads/push', '[{"newDocumentState":{"_deleted":false}}]'),
      400,
      'bad_request',
    );
    await expectApiError(
      await post('/api/sync/leads/push', '[{"newDocumentState":{"id":1,"_deleted":false}}]'),
      400,
      'bad_request',
    );
    await expectApiError(
      await post('/api/sync/leads/push', '<a/>', 'application/xml'),
      415,
      'bad_request',
    );
    await expectApiError(
      await post('/api/sync/leads/push', JSON.stringify(['x'.repeat(11 * 1024 * 1024)])),
      413,
      'payload_too_large',
    );
    await expectApiError(
      await login(office.a.email, PASSWORD, 'x'.repeat(500)),
      400,
      'bad_request',
    );
    await expectApiError(
      await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: office.a.email, password: PASSWORD }),
      }),
      400,
      'bad_request',
    );
    await expectApiError(await fetch(`${url}/api/no/such/thing`), 404, 'not_found');
  });

  it('says why a sync request is refused', async () => {
    await expectApiError(await anna.get('/api/sync/users/pull'), 404, 'unknown_collection');
    await expectApiError(
      await anna.get('/api/sync/leads/pull?checkpoint=%7Bseq%3A'),
      400,
      'bad_request',
    );
    await expectApiError(
      await anna.get(`/api/sync/leads/pull?checkpoint=${encodeURIComponent('{"seq":-1}')}`),
      400,
      'bad_request',
    );
    await expectApiError(await anna.get('/api/sync/leads/pull?limit=0'), 400, 'bad_request');
    await expectApiError(await anna.get('/api/sync/leads/pull?limit=abc'), 400, 'bad_request');
  });

  it('says why each pushed row is refused', async () => {
    const a = office.a.id;
    const rows = [
      leadDoc(newId(), office.b.id), // someone else's
      leadDoc(newId(), a, { updatedBy: office.c.id }), // signed by another user
      leadDoc(newId(), a, { company: 'x'.repeat(300) }), // longer than the schema allows
      leadDoc(newId(), a, { email: 42 as unknown as string }), // of the wrong type
      leadDoc(newId(), a, { status: 'qualified' }), // a status of another state
      leadDoc(newId(), a, { company: 'Rossi\tImpianti' }), // a tab pasted into a name
    ];
    const res = await anna.post(
      '/api/sync/leads/push',
      rows.map((d) => ({ newDocumentState: d })),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as PushResponse;
    expect(body.rejected.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
    for (const row of body.rejected) expectBilingual(row);
    const catalog = await anna.post('/api/sync/products/push', [
      { newDocumentState: productDoc(newId(), office.a.id) },
    ]);
    const refused = ((await catalog.json()) as PushResponse).rejected;
    expect(refused).toHaveLength(1);
    for (const row of refused) expectBilingual(row);
  });
});
