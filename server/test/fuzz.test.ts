// Malformed, oversized and hostile payloads at every endpoint: every answer is a 4xx with a
// typed error body (or, for well-formed pushes of hostile documents, every row rejected),
// and the stored data is unchanged.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasControlCharacters } from '../../shared/domain/plain-text';
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
    // Ids the body schema lets through (it refuses control characters with a 400, below).
    const plainId = fc
      .string({ minLength: 1, maxLength: 64 })
      .filter((t) => !hasControlCharacters(t));
    const hostileDoc = fc.record({
      id: plainId,
      _deleted: fc.boolean(),
      ownerId: fc.oneof(fc.constant(office.a.id), fc.constant(office.b.id), plainId),
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

  it('deep, huge, control-character and unknown-field payloads on every endpoint', async () => {
    const json = { 'content-type': 'application/json' };
    const deepObject = (levels: number): string =>
      '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
    const deepArray = (levels: number): string => '['.repeat(levels) + ']'.repeat(levels);
    const lead = leadDoc('fuzz-shape-lead', office.a.id);
    const leadText = JSON.stringify(lead);
    // A document with a 10,000-level value, as the new state and as the assumed master.
    const deepDoc = `${leadText.slice(0, -1)},"notes":${deepObject(10_000)}}`;
    const deepBodies = [
      deepArray(10_000),
      deepObject(10_000),
      `[{"newDocumentState":${deepDoc}}]`,
      `[{"newDocumentState":${leadText},"assumedMasterState":${deepDoc}}]`,
      `[{"newDocumentState":{"id":"x","_deleted":false,"data":${deepArray(10_000)}}}]`,
      // 33 levels: just past the cap.
      `[{"newDocumentState":{"id":"x","_deleted":false,"data":${deepObject(32)}}}]`,
      `[{"newDocumentState":{"id":"x","_deleted":false,"__proto__":${deepObject(10_000)}}}]`,
    ];
    for (const collection of syncCollections) {
      for (const body of deepBodies) {
        await expectError(
          await send(`/api/sync/${collection}/push`, { method: 'POST', headers: json, body }),
        );
      }
      // 5 MB in one document: under the body limit, over the document limit.
      const big = [{ newDocumentState: { ...lead, id: 'fuzz-big', _blob: 'x'.repeat(5 << 20) } }];
      const res = await send(`/api/sync/${collection}/push`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify(big),
      });
      expect(res.status).toBe(413);
      await expectError(res);
      // NUL and other control characters in the keys the database stores.
      for (const bad of ['fuzz\u0000nul', 'line\nbreak', 'esc\u001b', 'c1\u0085']) {
        for (const doc of [
          { ...lead, id: bad },
          { ...lead, ownerId: bad },
        ]) {
          await expectError(
            await send(`/api/sync/${collection}/push`, {
              method: 'POST',
              headers: json,
              body: JSON.stringify([{ newDocumentState: doc, assumedMasterState: null }]),
            }),
          );
        }
      }
      await expectError(await send(`/api/sync/${encodeURIComponent(`${collection}\u0000`)}/pull`));
      await expectError(
        await send(`/api/sync/${collection}/pull?checkpoint=${encodeURIComponent('\u0000')}`),
      );
    }
    for (const body of [deepObject(10_000), deepArray(10_000)]) {
      await expectError(
        await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: json, body }),
      );
      // Unauthenticated, so the session is not ended by the hostile body.
      await expectError(
        await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: json, body }),
      );
    }
    const login = (body: Record<string, unknown>) =>
      fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ password: 'correct horse battery', deviceName: 'x', ...body }),
      });
    for (const bad of ['\u0000', '\n', '\u0007', '\u009b']) {
      await expectError(await login({ email: `anna${bad}@north.example` }));
      await expectError(await login({ email: office.a.email, deviceName: `laptop${bad}` }));
    }
    await expectError(await login({ email: office.a.email, _admin: true }));
    await expectError(await login({ email: office.a.email, role: 'admin' }));
    await expectError(await send('/api/sync/leads/pull?_deleted=true'));
    await expectError(
      await send('/api/sync/leads/push', {
        method: 'POST',
        headers: json,
        body: JSON.stringify([{ newDocumentState: lead, _meta: {} }]),
      }),
    );
  });

  it('refuses unknown and _ fields in pushed documents per row, storing nothing', async () => {
    const lead = leadDoc('fuzz-field-lead', office.a.id);
    const extras: Record<string, unknown>[] = [
      { _blob: 'x'.repeat(1000) },
      { _meta: { lwt: 1 } },
      { _rev: '1-abc' },
      { _attachments: {} },
      { isAdmin: true },
      { address: { city: 'Torino', planet: 'Mars' } },
      { consent: { given: true, at: null, how: null, wording: null, forever: true } },
    ];
    for (const extra of extras) {
      const result = await anna.post('/api/sync/leads/push', [
        { newDocumentState: { ...lead, ...extra }, assumedMasterState: null },
      ]);
      expect(result.status).toBe(200);
      const body = (await result.json()) as PushResponse;
      expect(body.rejected, JSON.stringify(extra)).toEqual([
        expect.objectContaining({ id: lead.id, code: 'unknown_field' }),
      ]);
      expect(body.rejected[0]?.messages.it.length).toBeGreaterThan(10);
    }
  });

  it('left the stored data unchanged', async () => {
    expect(await snapshot()).toBe(before);
  });
});
