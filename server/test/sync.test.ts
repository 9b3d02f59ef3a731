// The sync protocol of DESIGN.md §4 on a real SQLite file and a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '../../shared/sync/protocol';
import { pullResponseSchema } from '../../shared/sync/api-schemas';
import type { FairleadServer } from '../src/app';
import { newToken, tokenHash } from '../src/auth/tokens';
import { newId } from '../src/ids';
import { disableUser } from '../src/office';
import { accountDoc, edited, leadDoc, productDoc, quoteDoc } from './fixtures';
import type { Client, Office, Place } from './harness';
import { adapters, freshPlace, seedOffice, signIn, startServer } from './harness';
import { openStream } from './stream-client';

const pull = async (client: Client, collection: string, seq?: number): Promise<PullResponse> => {
  const checkpoint =
    seq === undefined ? '' : `&checkpoint=${encodeURIComponent(JSON.stringify({ seq }))}`;
  const res = await client.get(`/api/sync/${collection}/pull?limit=1000${checkpoint}`);
  expect(res.status).toBe(200);
  return (await res.json()) as PullResponse;
};

const push = async (client: Client, collection: string, rows: unknown[]): Promise<PushResponse> => {
  const res = await client.post(`/api/sync/${collection}/push`, rows);
  expect(res.status).toBe(200);
  return (await res.json()) as PushResponse;
};

const ids = (r: PullResponse): string[] => r.documents.map((d) => d.id).sort();

describe.each(adapters)('sync protocol on %s', (adapter) => {
  let place: Place;
  let server: FairleadServer;
  let office: Office;
  let anna: Client; // seller, North
  let bruno: Client; // seller, South
  let carla: Client; // seller, North
  let marco: Client; // manager, North
  let admin: Client;

  beforeAll(async () => {
    place = await freshPlace(adapter);
    server = await startServer(place);
    office = await seedOffice(server);
    [anna, bruno, carla, marco, admin] = await Promise.all([
      signIn(server, office.a.email),
      signIn(server, office.b.email),
      signIn(server, office.c.email),
      signIn(server, office.m.email),
      signIn(server, office.admin.email),
    ]);
  });
  afterAll(async () => {
    await server?.close();
    await place?.drop();
  });

  const snapshot = async (): Promise<string> => {
    const all = await Promise.all(
      ['leads', 'accounts', 'products', 'quotes'].map((c) => server.storage.allDocs(c as 'leads')),
    );
    return JSON.stringify(all);
  };

  it('pulls what was pushed, exactly as pushed, from a server checkpoint', async () => {
    const lead = leadDoc(newId(), office.a.id);
    const before = await pull(anna, 'leads');
    expect(
      await push(anna, 'leads', [{ newDocumentState: lead, assumedMasterState: null }]),
    ).toEqual({
      conflicts: [],
      rejected: [],
    });
    const after = await pull(anna, 'leads', before.checkpoint?.seq ?? 0);
    expect(after.documents).toEqual([lead]);
    expect(after.checkpoint?.seq).toBeGreaterThan(before.checkpoint?.seq ?? 0);
    const again = await pull(anna, 'leads', after.checkpoint?.seq);
    expect(again.documents).toEqual([]);
    expect(again.checkpoint).toEqual(after.checkpoint);
  });

  it('answers a pull with each document as stored: its JSON text, field order included', async () => {
    // Fields in another order than any serializer of the server would write them.
    const lead = Object.fromEntries(
      Object.entries(leadDoc(newId(), office.a.id)).reverse(),
    ) as ReturnType<typeof leadDoc>;
    const before = await pull(anna, 'leads');
    await push(anna, 'leads', [{ newDocumentState: lead, assumedMasterState: null }]);
    const res = await anna.get(
      `/api/sync/leads/pull?limit=10&checkpoint=${encodeURIComponent(JSON.stringify(before.checkpoint))}`,
    );
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = await res.text();
    expect(body).toContain(JSON.stringify(lead));
    const answer = pullResponseSchema.parse(JSON.parse(body));
    expect(answer.documents).toEqual([lead]);
    expect(answer).toMatchObject({ remaining: 0, epoch: expect.any(String) });
  });

  it('returns the master on a stale assumed master and overwrites nothing', async () => {
    const v1 = leadDoc(newId(), office.a.id);
    const v2 = edited(v1, { rating: 'hot' });
    const v3 = edited(v1, { rating: 'cold' }, '2026-03-04T10:00:00.000Z');
    await push(anna, 'leads', [{ newDocumentState: v1, assumedMasterState: null }]);
    expect(await push(anna, 'leads', [{ newDocumentState: v2, assumedMasterState: v1 }])).toEqual({
      conflicts: [],
      rejected: [],
    });
    const stale = await push(anna, 'leads', [{ newDocumentState: v3, assumedMasterState: v1 }]);
    expect(stale.conflicts).toEqual([v2]);
    const blind = await push(anna, 'leads', [{ newDocumentState: v3, assumedMasterState: null }]);
    expect(blind.conflicts).toEqual([v2]);
    expect((await server.storage.getDocs('leads', [v1.id])).get(v1.id)?.doc).toEqual(v2);
  });

  it('treats a re-push of the same rows as a no-op', async () => {
    const v1 = leadDoc(newId(), office.a.id);
    const v2 = edited(v1, { notes: 'call back' });
    await push(anna, 'leads', [{ newDocumentState: v1 }]);
    const rows = [{ newDocumentState: v2, assumedMasterState: v1 }];
    expect(await push(anna, 'leads', rows)).toEqual({ conflicts: [], rejected: [] });
    const seq = (await server.storage.getDocs('leads', [v1.id])).get(v1.id)?.seq;
    expect(await push(anna, 'leads', rows)).toEqual({ conflicts: [], rejected: [] });
    expect((await server.storage.getDocs('leads', [v1.id])).get(v1.id)?.seq).toBe(seq);
  });

  it('keeps deletions as tombstones that every device pulls', async () => {
    const lead = leadDoc(newId(), office.a.id);
    await push(anna, 'leads', [{ newDocumentState: lead }]);
    const from = (await pull(anna, 'leads')).checkpoint?.seq;
    const gone = { ...lead, _deleted: true };
    await push(anna, 'leads', [{ newDocumentState: gone, assumedMasterState: lead }]);
    expect((await pull(anna, 'leads', from)).documents).toEqual([gone]);
  });

  it('shows sellers their own records and their team accounts only', async () => {
    const annaLead = leadDoc(newId(), office.a.id);
    const brunoLead = leadDoc(newId(), office.b.id);
    const annaAccount = accountDoc(newId(), office.a.id);
    await push(anna, 'leads', [{ newDocumentState: annaLead }]);
    await push(bruno, 'leads', [{ newDocumentState: brunoLead }]);
    await push(anna, 'accounts', [{ newDocumentState: annaAccount }]);
    const product = productDoc(newId(), 'office', { updatedBy: office.admin.id });
    expect(await push(admin, 'products', [{ newDocumentState: product }])).toEqual({
      conflicts: [],
      rejected: [],
    });

    expect(ids(await pull(anna, 'leads'))).toContain(annaLead.id);
    expect(ids(await pull(anna, 'leads'))).not.toContain(brunoLead.id);
    expect(ids(await pull(bruno, 'leads'))).toEqual([brunoLead.id]);
    expect(ids(await pull(carla, 'leads'))).toEqual([]);
    expect(ids(await pull(carla, 'accounts'))).toContain(annaAccount.id);
    expect(ids(await pull(bruno, 'accounts'))).not.toContain(annaAccount.id);
    expect(ids(await pull(marco, 'leads'))).toContain(annaLead.id);
    expect(ids(await pull(marco, 'leads'))).not.toContain(brunoLead.id);
    expect(ids(await pull(admin, 'leads'))).toEqual(
      expect.arrayContaining([annaLead.id, brunoLead.id]),
    );
    for (const seller of [anna, bruno, carla])
      expect(ids(await pull(seller, 'products'))).toContain(product.id);

    // A teammate may update a team account, but not another seller's lead.
    const renamed = edited(annaAccount, { name: 'Rossi Impianti', updatedBy: office.c.id });
    expect(
      await push(carla, 'accounts', [
        { newDocumentState: renamed, assumedMasterState: annaAccount },
      ]),
    ).toEqual({
      conflicts: [],
      rejected: [],
    });
    const stolen = edited(annaLead, { rating: 'cold', updatedBy: office.c.id });
    const denied = await push(carla, 'leads', [
      { newDocumentState: stolen, assumedMasterState: annaLead },
    ]);
    expect(denied.rejected).toEqual([
      expect.objectContaining({ id: annaLead.id, code: 'forbidden' }),
    ]);
  });

  it('rejects forged and illegal pushes per row and stores nothing of them', async () => {
    const annaLead = leadDoc(newId(), office.a.id);
    await push(anna, 'leads', [{ newDocumentState: annaLead }]);
    const before = await snapshot();
    const forged = leadDoc(newId(), office.b.id);
    const invalid = { ...leadDoc(newId(), office.a.id), rating: 'lukewarm' };
    const extra = { ...leadDoc(newId(), office.a.id), isAdmin: true };
    const reassigned = edited(annaLead, { ownerId: office.c.id });
    const unsigned = leadDoc(newId(), office.a.id, { updatedBy: office.c.id });
    const result = await push(anna, 'leads', [
      { newDocumentState: unsigned },
      { newDocumentState: forged },
      { newDocumentState: invalid },
      { newDocumentState: extra },
      { newDocumentState: reassigned, assumedMasterState: annaLead },
    ]);
    expect(result.conflicts).toEqual([]);
    expect(result.rejected.map((r) => [r.id, r.code])).toEqual([
      [unsigned.id, 'illegal_change'],
      [forged.id, 'not_owner'],
      [invalid.id, 'invalid_document'],
      [extra.id, 'unknown_field'],
      [annaLead.id, 'not_owner'],
    ]);
    expect(result.rejected[0]?.field).toBe('updatedBy');
    expect(result.rejected[2]?.field).toBe('rating');
    expect(result.rejected[3]?.field).toBe('isAdmin');
    for (const r of result.rejected) expect(r.message.length).toBeGreaterThan(5);

    const catalog = await push(anna, 'products', [
      { newDocumentState: productDoc(newId(), office.a.id) },
    ]);
    expect(catalog.rejected).toEqual([expect.objectContaining({ code: 'read_only' })]);
    const refdata = await push(marco, 'refdata', [
      {
        newDocumentState: {
          id: newId(),
          ownerId: office.m.id,
          createdAt: '2026-03-02T09:30:00.000Z',
          updatedAt: '2026-03-02T09:30:00.000Z',
          updatedBy: office.m.id,
          kind: 'vat_rate',
          key: '0',
          data: {},
          _deleted: false,
        },
      },
    ]);
    expect(refdata.rejected).toEqual([expect.objectContaining({ code: 'read_only' })]);
    // Another team's seller updating with the right master learns nothing and changes nothing.
    const hijack = edited(annaLead, { notes: 'mine now' });
    const other = await push(bruno, 'leads', [
      { newDocumentState: hijack, assumedMasterState: annaLead },
    ]);
    expect(other).toEqual({
      conflicts: [],
      rejected: [expect.objectContaining({ code: 'forbidden' })],
    });
    const stale = await push(bruno, 'leads', [
      { newDocumentState: hijack, assumedMasterState: null },
    ]);
    expect(stale.conflicts).toEqual([]);
    expect(await snapshot()).toBe(before);
  });

  it('lets a manager reassign within the team only', async () => {
    const lead = leadDoc(newId(), office.a.id);
    await push(anna, 'leads', [{ newDocumentState: lead }]);
    const toCarla = edited(lead, { ownerId: office.c.id, updatedBy: office.m.id });
    expect(
      await push(marco, 'leads', [{ newDocumentState: toCarla, assumedMasterState: lead }]),
    ).toEqual({
      conflicts: [],
      rejected: [],
    });
    expect(ids(await pull(carla, 'leads'))).toContain(lead.id);
    const toBruno = edited(toCarla, { ownerId: office.b.id }, '2026-03-05T10:00:00.000Z');
    const denied = await push(marco, 'leads', [
      { newDocumentState: toBruno, assumedMasterState: toCarla },
    ]);
    expect(denied.rejected).toEqual([
      expect.objectContaining({ code: 'not_owner', field: 'ownerId' }),
    ]);
  });

  it('remembers the highest number of a series across reinstalls', async () => {
    const device = await signIn(server, office.a.email, 'numbering laptop');
    const { series } = device.login.device;
    expect(series).toMatch(/^[A-Z0-9]{2,8}$/);
    expect(device.login.device.lastNumbers).toEqual({
      quote: 0,
      order: 0,
      invoice: {},
      creditNote: {},
    });
    const quotes = [7, 3].map((n) =>
      quoteDoc(newId(), office.a.id, `Q-${series}-${String(n).padStart(5, '0')}`),
    );
    await push(
      device,
      'quotes',
      quotes.map((q) => ({ newDocumentState: q })),
    );
    const again = await signIn(server, office.a.email, 'numbering laptop');
    expect(again.login.device.series).toBe(series);
    expect(again.login.device.lastNumbers.quote).toBe(7);
    // A rejected quote (signed by someone else) raises nothing.
    const rejected = {
      ...quoteDoc(newId(), office.a.id, `Q-${series}-00099`),
      updatedBy: office.c.id,
    };
    expect((await push(device, 'quotes', [{ newDocumentState: rejected }])).rejected).toHaveLength(
      1,
    );
    expect((await server.storage.highWater(series)).quote).toBe(7);
    const other = await signIn(server, office.a.email, 'tablet');
    expect(other.login.device.series).not.toBe(series);
  });

  it('streams changes to the users who can see them', async () => {
    const carlaStream = await openStream(server.url ?? '', carla.login.token);
    const brunoStream = await openStream(server.url ?? '', bruno.login.token);
    try {
      expect(carlaStream.status).toBe(200);
      const account = accountDoc(newId(), office.a.id);
      await push(anna, 'accounts', [{ newDocumentState: account }]);
      const seq = (await server.storage.getDocs('accounts', [account.id])).get(account.id)?.seq;
      expect(await carlaStream.next()).toEqual({ collection: 'accounts', checkpoint: { seq } });
      // Bruno (another team) is not told of Anna's account: his first event is his own lead.
      await push(bruno, 'leads', [{ newDocumentState: leadDoc(newId(), office.b.id) }]);
      expect((await brunoStream.next()).collection).toBe('leads');
    } finally {
      carlaStream.close();
      brunoStream.close();
    }
  });

  it('answers every refusal with a typed error body', async () => {
    const noAuth = await fetch(`${server.url}/api/sync/leads/pull`);
    expect(noAuth.status).toBe(401);
    expect(await noAuth.json()).toEqual({
      code: 'unauthorized',
      message: expect.any(String),
      messages: { en: expect.any(String), it: expect.any(String) },
    });
    const unknown = await anna.get('/api/sync/users/pull');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe('unknown_collection');
    const badCheckpoint = await anna.get('/api/sync/leads/pull?checkpoint=%7Bseq%3A');
    expect(badCheckpoint.status).toBe(400);
    const bad = await anna.post('/api/sync/leads/push', { not: 'an array' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe('bad_request');
  });

  it('expires and revokes tokens and rejects a disabled user', async () => {
    const session = await signIn(server, office.c.email, 'short-lived');
    expect((await session.get('/api/auth/me')).status).toBe(200);
    expect((await session.post('/api/auth/logout', {})).status).toBe(200);
    expect((await session.get('/api/sync/leads/pull')).status).toBe(401);

    // A session whose expiry has passed.
    const token = newToken();
    await server.storage.createSession({
      tokenHash: tokenHash(token),
      userId: office.c.id,
      deviceId: session.login.device.id,
      expiresAt: new Date(Date.now() - 1000).toISOString(),
      revoked: false,
    });
    const expired = await fetch(`${server.url}/api/auth/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(expired.status).toBe(401);

    // Disabling a user cuts their live sessions and refuses new sign-ins.
    const doomed = await signIn(server, office.m.email, 'disabled soon');
    await disableUser(server.storage, office.m.email);
    expect((await doomed.get('/api/auth/me')).status).toBe(401);
    await expect(signIn(server, office.m.email)).rejects.toThrow(/401/);
  });

  it('refuses at once what another server process on the database revoked or disabled', async () => {
    const other = await startServer(place);
    try {
      const pullsOn = async (client: Client): Promise<Response> =>
        client.get('/api/sync/leads/pull?limit=1');

      // Each session answers first, so a server that kept its answer would still let it in.
      const loggedOut = await signIn(server, office.c.email, 'logged out elsewhere');
      expect((await pullsOn(loggedOut)).status).toBe(200);
      await other.storage.revokeSession(tokenHash(loggedOut.login.token));
      expect((await pullsOn(loggedOut)).status).toBe(401);

      // The account's flag alone, sessions untouched: the user is read with every request.
      const paused = await signIn(server, office.c.email, 'account paused');
      expect((await pullsOn(paused)).status).toBe(200);
      await other.storage.setUserDisabled(office.c.id, true);
      try {
        expect((await pullsOn(paused)).status).toBe(401);
        expect((await paused.post('/api/sync/leads/push', [])).status).toBe(401);
      } finally {
        await other.storage.setUserDisabled(office.c.id, false);
      }
      expect((await pullsOn(paused)).status).toBe(200);

      const lost = await signIn(server, office.c.email, 'lost laptop');
      expect((await pullsOn(lost)).status).toBe(200);
      await other.storage.office.revokeDevice(lost.login.device.id, new Date().toISOString());
      const refused = await pullsOn(lost);
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { code: string }).code).toBe('device_revoked');
    } finally {
      await other.close();
    }
  });

  it('ends a live stream once its token is revoked', async () => {
    const quick = await startServer(place, { heartbeatMs: 50 });
    try {
      const session = await signIn(quick, office.c.email, 'stream then logout');
      const stream = await openStream(quick.url ?? '', session.login.token);
      expect(stream.status).toBe(200);
      expect((await session.post('/api/auth/logout', {})).status).toBe(200);
      await stream.ended; // the server closes it at the next heartbeat
      expect((await openStream(quick.url ?? '', session.login.token)).status).toBe(401);
    } finally {
      await quick.close();
    }
  });

  it('describes itself: health and OpenAPI', async () => {
    const health = await fetch(`${server.url}/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', storage: adapter });
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: object;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/sync/{collection}/pull',
        '/api/sync/{collection}/push',
        '/api/sync/stream',
        '/health',
      ]),
    );
  });

  it('limits failed sign-in attempts', async () => {
    const limited = await startServer(place, { loginThrottle: { accountFailures: 3 } });
    try {
      const attempt = (password: string) =>
        fetch(`${limited.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: office.b.email, password, deviceName: 'x' }),
        });
      for (let i = 0; i < 3; i++) expect((await attempt('wrong password')).status).toBe(401);
      const blocked = await attempt('wrong password');
      expect(blocked.status).toBe(429);
      expect(((await blocked.json()) as { code: string }).code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});
