import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FairleadServer } from '../src/app';
import { freshPlace, startServer } from './harness';
import type { Place } from './harness';

describe('cross-origin access', () => {
  let place: Place;
  let server: FairleadServer;

  beforeAll(async () => {
    place = await freshPlace('sqlite');
    server = await startServer(place, { corsOrigins: 'https://crm.example.test' });
  });
  afterAll(async () => {
    await server.close();
    await place.drop();
  });

  it('answers the desktop app preflight for an authenticated push', async () => {
    const res = await server.app.inject({
      method: 'OPTIONS',
      url: '/api/sync/leads/push',
      headers: {
        origin: 'app://fairlead',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('app://fairlead');
    expect(String(res.headers['access-control-allow-headers'])).toContain('Authorization');
  });

  it('allows a configured office origin and marks the answer as varying by origin', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/health',
      headers: { origin: 'https://crm.example.test' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('https://crm.example.test');
    expect(res.headers.vary).toContain('Origin');
  });

  it('gives an unknown origin no cross-origin permission', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/health',
      headers: { origin: 'https://evil.example.test' },
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await server.app.inject({
      method: 'OPTIONS',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example.test', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.statusCode).toBeGreaterThanOrEqual(400);
  });
});
