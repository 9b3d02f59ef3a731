// Malformed, oversized and hostile payloads at every endpoint: every answer is a 4xx with a
// typed error body (or, for well-formed pushes of hostile documents, every row rejected),
// and the stored data is unchanged.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncCollections } from '../../shared/sync/protocol';
import type { ApiErrorCode, PushResponse } from '../../shared/sync/protocol';
import type { FairleadServer } from '../src/app';
import { leadDoc } from './fixtures';
import type { Client, Office, Place } from './harness';
import { adapters, freshPlace, seedOffice, signIn, startServer } from './harness';

const apiCodes: ApiErrorCode[] = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'payload_too_large',
  'rate_limited',
  'unknown_collection',
  'internal',
];

const RUNS = 40;

/** Mirrors what the server accepts as a checkpoint, to generate only invalid ones. */
const acceptedCheckpoint = (raw: string): boolean => {
  if (raw === '' || raw === 'null') return true;
  try {
    const v = JSON.parse(raw) as { seq?: unknown } | null;
    if (v === null) return true;
    return typeof v === 'object' && Number.isSafeInteger(v.seq) && (v.seq as number) >= 0;
  } catch {
    return false;
  }
};

const hostileJson = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  fc.constant({ __proto__: { admin: true } }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
  fc.array(fc.anything(), { maxLength: 5 }),
  fc.string({ maxLength: 2000 }),
);

describe.each(adapters)('fuzzing every endpoint on %s', (adapter) => {
  let place: Place;
  let server: FairleadServer;
  let office: Office;
  let anna: Client;
  let before: string;

  const snapshot = async (): Promise<string> => {
    const docs = await Promise.all(syncCollections.map((c) => server.storage.allDocs(c)));
    const users = await server.storage.listUsers();
    return JSON.stringify({ docs, users, teams: await server.storage.listTeams() });
  };

  const expectError = async (res: Response, allowed: number[] = []): Promise<void> => {
    const text = await res.text();
    if (allowed.includes(res.status)) return;
    expect(res.status, text).toBeGreaterThanOrEqual(400);
    expect(res.status, text).toBeLessThan(500);
    const body = JSON.parse(text) as { code: ApiErrorCode; message: string };
    expect(apiCodes).toContain(body.code);
    expect(typeof body.message).toBe('string');
    expect(body.message.length).toBeGreaterThan(0);
  };

  const send = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${anna.login.token}`, ...(init.headers ?? {}) },
    });

  beforeAll(async () => {
    place = await freshPlace(adapter);
    server = await startServer(place, {
      loginThrottle: { accountFailures: 1_000_000, addressFailures: 1_000_000 },
    });
    office = await seedOffice(server);
    anna = await signIn(server, office.a.email);
    const lead = leadDoc('fuzz-seed-lead', office.a.id);
    await anna.post('/api/sync/leads/push', [{ newDocumentState: lead }]);
    before = await snapshot();
  });
  afterAll(async () => {
    await server?.close();
    await place?.drop();
  });

  it('login: malformed bodies and wrong credentials', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileJson.map((b) => JSON.stringify(b) ?? 'null'),
          fc
            .record({
              email: fc.string({ maxLength: 300 }),
              password: fc.string({ maxLength: 50 }),
              deviceName: fc.string({ maxLength: 120 }),
            })
            .map((b) => JSON.stringify(b)),
          fc.string({ maxLength: 200 }),
        ),
        async (body) => {
          const res = await fetch(`${server.url}/api/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          });
          await expectError(res);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('pull: invalid checkpoints, limits, collections and tokens', async () => {
    const badCheckpoint = fc
      .oneof(
        fc.string({ maxLength: 300 }),
        fc.jsonValue().map((v) => JSON.stringify(v)),
      )
      .filter((s) => !acceptedCheckpoint(s));
    const badLimit = fc
      .oneof(fc.string({ maxLength: 10 }), fc.integer().map(String))
      .filter((s) => !/^[0-9]{1,4}$/.test(s) || Number(s) < 1 || Number(s) > 1000);
    const badCollection = fc
      .string({ minLength: 1, maxLength: 60 })
      .filter((c) => !(syncCollections as readonly string[]).includes(c));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          badCheckpoint.map((c) =>
            send(`/api/sync/leads/pull?checkpoint=${encodeURIComponent(c)}`),
          ),
          badLimit.map((l) => send(`/api/sync/leads/pull?limit=${encodeURIComponent(l)}`)),
          badCollection.map((c) => send(`/api/sync/${encodeURIComponent(c)}/pull`)),
          fc.string({ maxLength: 120 }).map((t) =>
            fetch(`${server.url}/api/sync/leads/pull`, {
              headers: { authorization: `Bearer ${t.replace(/[^\x20-\x7e]/g, '')}` },
            }),
          ),
        ),
        async (request) => expectError(await request),
      ),
      { numRuns: RUNS },
    );
  });

  it('push: malformed bodies', async () => {
    const malformedRow = fc.oneof(
      fc.anything().filter((v) => typeof v !== 'object' || v === null),
      fc.record({ assumedMasterState: fc.anything() }),
      fc.record({
        newDocumentState: fc.oneof(
          fc.string(),
          fc.integer(),
          fc.constant(null),
          fc.array(fc.anything()),
        ),
      }),
      fc.record({
        newDocumentState: fc.record({
          id: fc.oneof(fc.integer(), fc.constant(''), fc.string({ minLength: 65, maxLength: 80 })),
          _deleted: fc.boolean(),
        }),
      }),
      fc.record({
        newDocumentState: fc.record({
          id: fc.string({ minLength: 1, maxLength: 10 }),
          _deleted: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        }),
      }),
      fc.record({
        newDocumentState: fc.record({ id: fc.constant('x'), _deleted: fc.constant(false) }),
        extra: fc.jsonValue(),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileJson.filter((b) => !Array.isArray(b)).map((b) => JSON.stringify(b) ?? '1'),
          fc
            .array(malformedRow, { minLength: 1, maxLength: 4 })
            .map((rows) => JSON.stringify(rows)),
          fc.string({ maxLength: 200 }).filter((s) => {
            try {
              return !Array.isArray(JSON.parse(s));
            } catch {
              return true;
            }
          }),
        ),
        fc.constantFrom(...syncCollections),
        async (body, collection) => {
          const res = await send(`/api/sync/${collection}/push`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          });
          await expectError(res);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('push: well-formed rows carrying hostile documents are all rejected', async () => {
    const hostileDoc = fc.record({
      id: fc.string({ minLength: 1, maxLength: 64 }),
      _deleted: fc.boolean(),
      ownerId: fc.oneof(fc.constant(office.a.id), fc.constant(office.b.id), fc.string()),
      updatedAt: fc.string(),
      state: fc.string(),
      email: fc.oneof(fc.string(), fc.integer()),
      $where: fc.constant('1=1; DROP TABLE docs; --'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(hostileDoc, { minLength: 1, maxLength: 5 }),
        fc.constantFrom(...syncCollections),
        async (docs, collection) => {
          const unique = [...new Map(docs.map((d) => [d.id, d])).values()].filter(
            (d) => d.id !== 'fuzz-seed-lead',
          );
          fc.pre(unique.length > 0);
          const res = await send(`/api/sync/${collection}/push`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(
              unique.map((d) => ({ newDocumentState: d, assumedMasterState: null })),
            ),
          });
          expect(res.status).toBe(200);
          const result = (await res.json()) as PushResponse;
          expect(result.rejected.map((r) => r.id).sort()).toEqual(unique.map((d) => d.id).sort());
          for (const r of result.rejected) expect(r.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('oversized, mistyped and hostile raw requests', async () => {
    const huge = JSON.stringify([
      { newDocumentState: { id: 'big', _deleted: false, notes: 'x'.repeat(11 * 1024 * 1024) } },
    ]);
    await expectError(
      await send('/api/sync/leads/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: huge,
      }),
    );
    const tooMany = JSON.stringify(
      Array.from({ length: 1001 }, (_, i) => ({
        newDocumentState: leadDoc(`many-${i}`, office.a.id),
      })),
    );
    await expectError(
      await send('/api/sync/leads/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: tooMany,
      }),
    );
    await expectError(
      await send('/api/sync/leads/push', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: '[]',
      }),
    );
    await expectError(
      await send('/api/sync/leads/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '[{"newDocumentState":',
      }),
    );
    await expectError(
      await send('/api/sync/leads/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '',
      }),
    );
    await expectError(
      await send('/api/sync/leads/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '[{"newDocumentState":{"id":"p","_deleted":false,"__proto__":{"admin":true}}}]',
      }),
    );
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    await expectError(
      await send('/api/sync/leads/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: deep,
      }),
    );
    await expectError(await send('/api/sync/../../etc/passwd'));
    await expectError(
      await send('/api/sync/leads/pull?checkpoint=' + encodeURIComponent('{"seq":1e400}')),
    );
    await expectError(await send('/api/sync/leads/pull?limit=5&limit=6'));
    await expectError(await send('/api/sync/leads/pull?unexpected=1'));
    await expectError(
      await fetch(`${server.url}/api/sync/stream`, { headers: { authorization: 'Bearer nope' } }),
    );
    await expectError(await fetch(`${server.url}/api/sync/stream`));
    await expectError(await fetch(`${server.url}/api/auth/logout`, { method: 'POST' }));
    await expectError(
      await send('/api/sync/leads/push', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: '[]',
      }),
    );
    await expectError(await send('/api/sync/leads/pull', { method: 'DELETE' }));
  });

  it('left the stored data unchanged', async () => {
    expect(await snapshot()).toBe(before);
  });
});
