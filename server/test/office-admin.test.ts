// The administration endpoints on a real SQLite file and a real PostgreSQL: admin only (403
// for a seller and a manager), the command line's checks in both languages, every change in
// the audit log; device revocation and the devices' sync health.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCompany } from '../../shared/dataset';
import type {
  AdminCatalog,
  AdminDevice,
  AdminRefdata,
  AdminTeam,
  AdminUser,
  AuditEntryView,
  CatalogImportRefusal,
} from '../../shared/office/admin-api';
import { auditPageSize } from '../../shared/office/admin-api';
import type { ApiError, PushResponse } from '../../shared/sync/protocol';
import { runAdmin } from '../src/admin';
import type { FairleadServer } from '../src/app';
import { newId } from '../src/ids';
import { recordAudit } from '../src/office-admin/audit';
import { leadDoc } from './fixtures';
import type { Client, Office, Place } from './harness';
import { adapters, freshPlace, PASSWORD, seedOffice, signIn, startServer } from './harness';

const csv = (lines: string[]): string =>
  ['sku,name,vat_rate,price_list,currency,unit_price', ...lines].join('\n');

const endpoints: [method: 'get' | 'post' | 'put', path: string, body?: unknown][] = [
  ['get', '/api/admin/users'],
  ['post', '/api/admin/users', { email: 'x@y.example', password: PASSWORD, role: 'seller' }],
  ['put', '/api/admin/users/someone/role', { role: 'admin' }],
  ['put', '/api/admin/users/someone/team', { team: 'North' }],
  ['put', '/api/admin/users/someone/password', { password: 'a new password' }],
  ['put', '/api/admin/users/someone/disabled', { disabled: true }],
  ['get', '/api/admin/teams'],
  ['post', '/api/admin/teams', { name: 'East' }],
  ['post', '/api/admin/teams/disable', { name: 'North' }],
  ['get', '/api/admin/devices'],
  ['post', '/api/admin/devices/some-device/revoke', {}],
  ['get', '/api/admin/catalog'],
  ['put', '/api/admin/catalog/prices', { priceListId: 'l', productId: 'p', unitPrice: 1 }],
  ['post', '/api/admin/catalog/import', { csv: csv(['S1,Screw,22,Fair,EUR,1.00']) }],
  ['get', '/api/admin/refdata'],
  ['put', '/api/admin/currencies/CHF', { name: 'Swiss franc', minorDigits: 2 }],
  ['put', '/api/admin/exchange-rates/CHF', { rate: 0.94, date: '2026-11-30' }],
  ['put', '/api/admin/vat-rates/2200', { labelEn: 'Standard', labelIt: 'Ordinaria' }],
  ['get', '/api/admin/company'],
  ['put', '/api/admin/company', demoCompany],
  ['get', '/api/admin/audit'],
];

const call = (client: Client, method: 'get' | 'post' | 'put', path: string, body?: unknown) =>
  method === 'get' ? client.get(path) : client[method](path, body ?? {});

describe.each(adapters)('office administration on %s', (adapter) => {
  let place: Place;
  let server: FairleadServer;
  let office: Office;
  let admin: Client;

  const audit = async (): Promise<AuditEntryView[]> =>
    (await (await admin.get('/api/admin/audit')).json()) as AuditEntryView[];
  const refusal = async (res: Response): Promise<ApiError> => {
    expect(res.status).toBe(400);
    const body = (await res.json()) as ApiError;
    expect(body.messages.it).not.toBe(body.messages.en);
    return body;
  };

  beforeAll(async () => {
    place = await freshPlace(adapter);
    server = await startServer(place);
    office = await seedOffice(server);
    admin = await signIn(server, office.admin.email, 'office desk');
  });
  afterAll(async () => {
    await server?.close();
    await place?.drop();
  });

  it('answers 403 to a seller and a manager on every admin endpoint, 401 to nobody', async () => {
    const seller = await signIn(server, office.a.email);
    const manager = await signIn(server, office.m.email);
    for (const [method, path, body] of endpoints) {
      for (const client of [seller, manager]) {
        const res = await call(client, method, path, body);
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(((await res.json()) as ApiError).messages.it).toMatch(/amministratore/);
      }
      const anonymous = await fetch(`${server.url}${path}`, {
        method: method.toUpperCase(),
        headers: { 'content-type': 'application/json' },
        ...(method === 'get' ? {} : { body: JSON.stringify(body ?? {}) }),
      });
      expect(anonymous.status, `${method} ${path}`).toBe(401);
    }
    // Nothing the refused calls asked for happened.
    expect((await (await admin.get('/api/admin/teams')).json()) as AdminTeam[]).toHaveLength(2);
    expect(await audit()).toEqual([]);
  });

  it('adds a seller, changes role, team and password, disables and enables', async () => {
    const added = await admin.post('/api/admin/users', {
      email: 'Sara@North.example',
      password: PASSWORD,
      role: 'seller',
      team: 'North',
      name: 'Sara Neri',
    });
    expect(added.status).toBe(201);
    const sara = (await added.json()) as AdminUser;
    expect(sara).toMatchObject({ email: 'sara@north.example', role: 'seller', teamName: 'North' });
    // The command line's checks, in both languages.
    const again = await refusal(
      await admin.post('/api/admin/users', {
        email: 'sara@north.example',
        password: PASSWORD,
        role: 'seller',
        team: 'North',
      }),
    );
    expect(again.messages).toEqual({
      en: 'A user with the email sara@north.example already exists.',
      it: "Esiste già un utente con l'email sara@north.example.",
    });
    const short = await refusal(
      await admin.post('/api/admin/users', {
        email: 'z@z.example',
        password: 'short',
        role: 'seller',
        team: 'North',
      }),
    );
    expect(short.messages.it).toMatch(/almeno 8 caratteri/);
    await refusal(await admin.put(`/api/admin/users/${sara.id}/role`, { role: 'boss' }));

    expect((await admin.put(`/api/admin/users/${sara.id}/role`, { role: 'manager' })).status).toBe(
      200,
    );
    expect((await admin.put(`/api/admin/users/${sara.id}/team`, { team: 'East' })).status).toBe(
      200,
    );
    await refusal(await admin.put(`/api/admin/users/${sara.id}/team`, { team: null }));
    const users = (await (await admin.get('/api/admin/users')).json()) as AdminUser[];
    expect(users.find((u) => u.id === sara.id)).toMatchObject({
      role: 'manager',
      teamName: 'East',
    });
    expect(JSON.stringify(users)).not.toMatch(/passwordHash|scrypt/);

    expect(
      (await admin.put(`/api/admin/users/${sara.id}/password`, { password: 'a brand new one' }))
        .status,
    ).toBe(200);
    const login = (password: string) =>
      fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'sara@north.example', password, deviceName: 'x' }),
      });
    expect((await login(PASSWORD)).status).toBe(401);
    expect((await login('a brand new one')).status).toBe(200);
    await admin.put(`/api/admin/users/${sara.id}/disabled`, { disabled: true });
    expect((await login('a brand new one')).status).toBe(401);
    await admin.put(`/api/admin/users/${sara.id}/disabled`, { disabled: false });
    expect((await login('a brand new one')).status).toBe(200);

    const entries = await audit();
    expect(entries.map((e) => e.action).reverse()).toEqual([
      'user.add',
      'user.role',
      'team.add',
      'user.team',
      'user.password',
      'user.disable',
      'user.enable',
    ]);
    const role = entries.find((e) => e.action === 'user.role');
    expect(role).toMatchObject({
      actorEmail: office.admin.email,
      target: 'sara@north.example',
      before: { role: 'seller' },
      after: { role: 'manager' },
    });
    expect(JSON.stringify(entries)).not.toMatch(/brand new|scrypt/);
  });

  it('adds and disables teams, counting their members', async () => {
    expect((await admin.post('/api/admin/teams', { name: 'West' })).status).toBe(200);
    await refusal(await admin.post('/api/admin/teams', { name: '   ' }));
    await refusal(await admin.post('/api/admin/teams/disable', { name: 'Nowhere' }));
    const teams = (await (await admin.get('/api/admin/teams')).json()) as AdminTeam[];
    expect(teams.find((t) => t.name === 'North')).toMatchObject({ members: 3, activeMembers: 3 });
    expect(teams.find((t) => t.name === 'West')).toMatchObject({ members: 0 });
  });

  it('imports the catalog with per-line errors, changes a price, audits both', async () => {
    const bad = await admin.post('/api/admin/catalog/import', {
      csv: csv([
        'S1,Screw,22,Fair,EUR,1.00',
        ',No sku,22,,,',
        'S3,Nut,120,,,',
        'S4,Bolt,22,Fair,EURO,2',
      ]),
    });
    expect(bad.status).toBe(400);
    const refused = (await bad.json()) as CatalogImportRefusal;
    expect(refused.lines.map((l) => l.line)).toEqual([3, 4, 5]);
    expect(refused.lines[1]?.messages.it).toMatch(/aliquota IVA "120"/);
    expect(
      ((await (await admin.get('/api/admin/catalog')).json()) as AdminCatalog).products,
    ).toEqual([]);

    const good = await admin.post('/api/admin/catalog/import', {
      csv: csv(['S1,Screw,22,Fair,EUR,1.00', 'S2,Washer,22,Fair,EUR,0.20']),
    });
    expect(await good.json()).toEqual({ products: 2, priceLists: 1 });
    const catalog = (await (await admin.get('/api/admin/catalog')).json()) as AdminCatalog;
    const list = catalog.priceLists[0];
    const screw = catalog.products.find((p) => p.sku === 'S1');
    if (!list || !screw) throw new Error('the import wrote no catalog');
    const change = { priceListId: list.id, productId: screw.id };
    await refusal(await admin.put('/api/admin/catalog/prices', { ...change, unitPrice: -5 }));
    await refusal(
      await admin.put('/api/admin/catalog/prices', {
        ...change,
        priceListId: 'nope',
        unitPrice: 5,
      }),
    );
    expect(
      (await admin.put('/api/admin/catalog/prices', { ...change, unitPrice: 125 })).status,
    ).toBe(200);

    // Devices get the new price at their next pull.
    const seller = await signIn(server, office.a.email);
    const pulled = (await (await seller.get('/api/sync/pricelists/pull')).json()) as {
      documents: { items: { productId: string; unitPrice: number }[] }[];
    };
    expect(pulled.documents[0]?.items.find((i) => i.productId === screw.id)?.unitPrice).toBe(125);
    const price = (await audit()).find((e) => e.action === 'catalog.price');
    expect(price).toMatchObject({
      target: 'Fair (EUR) · S1',
      before: { unitPrice: 100 },
      after: { unitPrice: 125 },
    });
    expect((await audit()).filter((e) => e.action === 'catalog.import')).toHaveLength(1);
  });

  it('sets currencies, exchange rates, VAT rates and the company, refusing wrong values', async () => {
    await refusal(
      await admin.put('/api/admin/exchange-rates/CHF', { rate: -1, date: '2026-11-30' }),
    );
    await refusal(
      await admin.put('/api/admin/exchange-rates/EUR', { rate: 1, date: '2026-11-30' }),
    );
    await refusal(
      await admin.put('/api/admin/exchange-rates/CHF', { rate: 0.94, date: '30/11/2026' }),
    );
    await refusal(
      await admin.put('/api/admin/vat-rates/2200', { labelEn: 'x', labelIt: 'y', natura: 'N3.1' }),
    );
    await refusal(await admin.put('/api/admin/currencies/CHF', { name: 'Franc', minorDigits: 7 }));
    expect(
      (await admin.put('/api/admin/currencies/chf', { name: 'Swiss franc', minorDigits: 2 }))
        .status,
    ).toBe(200);
    expect(
      (await admin.put('/api/admin/exchange-rates/CHF', { rate: 0.94, date: '2026-11-30' })).status,
    ).toBe(200);
    expect(
      (await admin.put('/api/admin/exchange-rates/CHF', { rate: 0.9412, date: '2026-12-01' }))
        .status,
    ).toBe(200);
    expect(
      (
        await admin.put('/api/admin/vat-rates/0', {
          labelEn: 'Export',
          labelIt: 'Esportazione',
          natura: 'N3.1',
        })
      ).status,
    ).toBe(200);
    const refdata = (await (await admin.get('/api/admin/refdata')).json()) as AdminRefdata;
    expect(refdata.exchangeRates).toHaveLength(1);
    expect(refdata.exchangeRates[0]?.data).toEqual({
      base: 'EUR',
      rate: 0.9412,
      date: '2026-12-01',
    });
    expect(refdata.vatRates[0]?.data).toMatchObject({ rate: 0, natura: 'N3.1' });
    const rate = (await audit()).find((e) => e.action === 'exchange_rate.set');
    expect(rate).toMatchObject({ before: { rate: 0.94 }, after: { rate: 0.9412 } });

    const wrong = await refusal(
      await admin.put('/api/admin/company', { ...demoCompany, vatNumber: 'IT1' }),
    );
    expect(wrong.messages.it).toMatch(/vatNumber/);
    expect((await admin.put('/api/admin/company', demoCompany)).status).toBe(200);
    expect(await (await admin.get('/api/admin/company')).json()).toEqual({ company: demoCompany });
    expect((await audit())[0]).toMatchObject({ action: 'company.set', target: demoCompany.name });
  });

  it('shows each device with its sync health and revokes one for good', async () => {
    const installationId = `inst-${newId()}`;
    const seller = await signIn(server, office.b.email, 'Bruno laptop', { installationId });
    const headers = {
      authorization: `Bearer ${seller.login.token}`,
      'x-fairlead-app-version': '0.2.0',
      'x-fairlead-refused-waiting': '2',
    };
    expect((await fetch(`${server.url}/api/sync/leads/pull`, { headers })).status).toBe(200);
    // A refused row is counted by the server too.
    const pushed = await fetch(`${server.url}/api/sync/leads/push`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify([
        { newDocumentState: leadDoc(newId(), office.a.id), assumedMasterState: null },
      ]),
    });
    expect(((await pushed.json()) as PushResponse).rejected).toHaveLength(1);
    const device = async (): Promise<AdminDevice | undefined> => {
      for (let i = 0; i < 50; i++) {
        const all = (await (await admin.get('/api/admin/devices')).json()) as AdminDevice[];
        const d = all.find((x) => x.id === seller.login.device.id);
        if (d?.serverRefused) return d;
        await new Promise((r) => setTimeout(r, 50));
      }
      return undefined;
    };
    expect(await device()).toMatchObject({
      userEmail: office.b.email,
      name: 'Bruno laptop',
      series: seller.login.device.series,
      appVersion: '0.2.0',
      refusedWaiting: 2,
      serverRefused: 1,
      revokedAt: null,
    });
    expect((await device())?.lastSyncAt).toMatch(/^\d{4}-/);

    const revoked = await admin.post(`/api/admin/devices/${seller.login.device.id}/revoke`, {});
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as AdminDevice).revokedAt).toMatch(/^\d{4}-/);
    await refusal(await admin.post(`/api/admin/devices/${seller.login.device.id}/revoke`, {}));
    for (const path of ['/api/sync/leads/pull', '/api/auth/me']) {
      const res = await seller.get(path);
      expect(res.status).toBe(401);
      const body = (await res.json()) as ApiError;
      expect(body.code).toBe('device_revoked');
      expect(body.messages.en).toMatch(/revoked this device/);
      expect(body.messages.it).toMatch(/revocato questo dispositivo/);
    }
    // Signing in again on that computer is a new device: the revoked series is never reused.
    const back = await signIn(server, office.b.email, 'Bruno laptop', { installationId });
    expect(back.login.device.id).not.toBe(seller.login.device.id);
    expect(back.login.device.series).not.toBe(seller.login.device.series);
    expect((await back.get('/api/sync/leads/pull')).status).toBe(200);
    const entry = (await audit()).find((e) => e.action === 'device.revoke');
    expect(entry).toMatchObject({
      target: `Bruno laptop (${seller.login.device.series})`,
      before: { revokedAt: null, user: office.b.email },
    });

    // The command line revokes by series, and says so in the audit.
    const text = await runAdmin(server.storage, ['device', 'revoke', back.login.device.series]);
    expect(text).toMatch(/Revoked Bruno laptop/);
    expect(((await (await back.get('/api/sync/leads/pull')).json()) as ApiError).code).toBe(
      'device_revoked',
    );
    expect(await runAdmin(server.storage, ['device', 'list'])).toMatch(/revoked \d{4}-/);
    expect((await audit())[0]).toMatchObject({
      action: 'device.revoke',
      actorEmail: 'command line',
    });
    expect(await runAdmin(server.storage, ['audit', '--limit', '1'])).toMatch(
      /command line\tdevice.revoke/,
    );
  });

  it('lists actions recorded in the same millisecond in the order they were recorded', async () => {
    const actor = { id: 'command-line', email: 'command line' };
    const targets = Array.from({ length: 40 }, (_, i) => `Burst ${i}`);
    // Recorded back to back: many of them share a millisecond.
    for (const target of targets) {
      await recordAudit(server.storage, actor, 'team.add', target, null, { name: target });
    }
    const listed = (await audit()).filter((e) => e.target.startsWith('Burst '));
    expect(listed.map((e) => e.target).reverse()).toEqual(targets);
  });

  it('pages the audit log, newest first, with entries of the same instant neither lost nor repeated', async () => {
    const before = await audit();
    // 2.5 pages more, in bursts of one instant each: the page boundary falls inside a burst.
    const at = (i: number) => `2099-01-01T00:00:${String(Math.floor(i / 7)).padStart(2, '0')}.000Z`;
    for (let i = 0; i < auditPageSize * 2 + 100; i++) {
      await server.storage.office.appendAudit({
        id: newId(),
        at: at(i),
        actorId: 'command-line',
        actorEmail: '',
        action: 'team.add',
        target: `Team ${i}`,
        before: null,
        after: { name: `Team ${i}` },
      });
    }
    const seen: AuditEntryView[] = [];
    let page = await audit();
    for (let rounds = 0; page.length > 0 && rounds < 10; rounds++) {
      expect(page.length).toBeLessThanOrEqual(auditPageSize);
      seen.push(...page);
      const last = page.at(-1)?.id ?? '';
      page = (await (
        await admin.get(`/api/admin/audit?before=${encodeURIComponent(last)}`)
      ).json()) as AuditEntryView[];
    }
    expect(seen).toHaveLength(before.length + auditPageSize * 2 + 100);
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    const order = seen.map((e) => `${e.at}|${e.id}`);
    expect(order).toEqual([...order].sort().reverse());
    // An unknown cursor is an empty page, not an error.
    const unknown = await admin.get('/api/admin/audit?before=no-such-entry');
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toEqual([]);
  });
});
