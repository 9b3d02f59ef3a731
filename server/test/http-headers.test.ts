// Nothing the API answers may be kept by an HTTP cache: records and tokens travel in them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FairleadServer } from '../src/app';
import { leadDoc } from './fixtures';
import type { Office, Place } from './harness';
import { freshPlace, PASSWORD, seedOffice, signIn, startServer } from './harness';

describe('API answers and caches', () => {
  let place: Place;
  let server: FairleadServer;
  let office: Office;

  beforeAll(async () => {
    place = await freshPlace('sqlite');
    server = await startServer(place);
    office = await seedOffice(server);
  });
  afterAll(async () => {
    await server?.close();
    await place?.drop();
  });

  const expectNoStore = (res: Response): void => {
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  };

  it('sends no-store on sign-in, pull, push, errors and the stream', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: office.a.email, password: PASSWORD, deviceName: 'laptop' }),
    });
    expect(login.status).toBe(200);
    expectNoStore(login);

    const client = await signIn(server, office.a.email);
    const lead = leadDoc('019a0000-0000-7000-8000-0000000000a1', office.a.id);
    const push = await client.post('/api/sync/leads/push', [
      { newDocumentState: lead, assumedMasterState: null },
    ]);
    expect(push.status).toBe(200);
    expectNoStore(push);
    const pull = await client.get('/api/sync/leads/pull?limit=10');
    expect(pull.status).toBe(200);
    expect(JSON.stringify(await pull.json())).toContain(lead.id);
    expectNoStore(pull);

    const unauthorized = await fetch(`${server.url}/api/sync/leads/pull`);
    expect(unauthorized.status).toBe(401);
    expectNoStore(unauthorized);

    const stream = await client.get('/api/sync/stream');
    expect(stream.headers.get('cache-control')).toContain('no-store');
    await stream.body?.cancel();
  });
});
