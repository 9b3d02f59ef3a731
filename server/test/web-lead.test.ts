// The public web opt-in form on a real store: consent proof, assignment rule, spam guards,
// and that the assigned seller pulls the lead as new. Never a 5xx for bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity, Lead } from '../../shared/domain/records';
import { runAdmin } from '../src/admin';
import type { FairleadServer } from '../src/app';
import type { Office, Place } from './harness';
import { adapters, freshPlace, seedOffice, signIn, startServer } from './harness';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe.each(adapters)('web opt-in form on %s', (adapter) => {
  let place: Place;
  let server: FairleadServer;
  let office: Office;
  const admin = (...argv: string[]) => runAdmin(server.storage, argv, place.dataDir);

  const page = async (query = '') => {
    const res = await server.app.inject({ method: 'GET', url: `/optin${query}` });
    const v = /name="v" value="([^"]+)"/.exec(res.body)?.[1] ?? '';
    return { res, v };
  };
  const submit = (
    body: string,
    remoteAddress = '203.0.113.1',
    type = 'application/x-www-form-urlencoded',
  ) =>
    server.app.inject({
      method: 'POST',
      url: '/optin',
      remoteAddress,
      headers: { 'content-type': type },
      payload: body,
    });
  const leadsBy = async (email: string) =>
    (await server.storage.allDocs('leads'))
      .map((d) => d.doc as unknown as Lead)
      .filter((l) => l.email === email);

  beforeAll(async () => {
    place = await freshPlace(adapter);
    server = await startServer(place, { webFormRateLimit: { max: 4, windowMs: 60_000 } });
    office = await seedOffice(server);
  });
  afterAll(async () => {
    await server?.close();
    await place?.drop();
  });

  it('serves the form in both languages with its own strict CSP and no pre-ticked box', async () => {
    const en = await page('?lang=en');
    expect(en.res.statusCode).toBe(200);
    expect(en.res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(en.res.headers['content-security-policy']).not.toContain('script-src');
    expect(en.res.body).toContain('I agree that the company may store my contact details');
    expect(en.res.body).not.toMatch(/checked/);
    expect(en.res.body).not.toMatch(/<script/i);
    const it = await server.app.inject({
      method: 'GET',
      url: '/optin',
      headers: { 'accept-language': 'it-IT,it;q=0.9' },
    });
    expect(it.body).toContain('<html lang="it">');
    expect(it.body).toContain('Acconsento che l&#39;azienda conservi i miei dati');
    const css = await server.app.inject({ method: 'GET', url: '/optin/form.css' });
    expect(css.headers['content-type']).toMatch(/text\/css/);
  });

  it('creates a lead for the assigned seller with its consent proof, pulled as new', async () => {
    expect(await admin('webform', 'assign', '--seller', office.a.email)).toMatch(office.a.email);
    const { v } = await page('?lang=it');
    const res = await submit(
      form({
        lang: 'it',
        v,
        src: 'Landing fiera',
        firstName: 'Giulia',
        lastName: 'Verdi',
        company: 'Verdi Srl',
        email: 'giulia@verdi.example',
        phone: '+39 02 1234',
        message: 'Vorrei un catalogo\nGrazie',
        homepage: '',
        consent: 'yes',
      }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Grazie');
    const [lead] = await leadsBy('giulia@verdi.example');
    expect(lead).toMatchObject({
      ownerId: office.a.id,
      source: 'web',
      sourceDetail: 'Landing fiera',
      status: 'new',
      topic: 'Vorrei un catalogo',
      consent: { given: true, how: 'web_form' },
    });
    expect(lead?.consent.wording).toMatch(/^Acconsento che/);
    const proof = (await server.storage.allDocs('activities'))
      .map((d) => d.doc as unknown as Activity)
      .find((a) => a.regardingId === lead?.id && a.event === 'lead.web_opt_in');
    expect(proof?.data).toMatchObject({
      how: 'web_form',
      language: 'it',
      wording: lead?.consent.wording,
    });
    expect(String(proof?.data?.addressHash)).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(proof)).not.toContain('203.0.113.1');

    const seller = await signIn(server, office.a.email);
    const pulled = (await (await seller.get('/api/sync/leads/pull?limit=100')).json()) as {
      documents: Lead[];
    };
    expect(pulled.documents.some((d) => d.id === lead?.id && d.status === 'new')).toBe(true);
    const other = await signIn(server, office.b.email);
    const notTheirs = (await (await other.get('/api/sync/leads/pull?limit=100')).json()) as {
      documents: Lead[];
    };
    expect(notTheirs.documents.some((d) => d.id === lead?.id)).toBe(false);
  });

  it('assigns to a team: the lead goes to one of its sellers', async () => {
    await admin('webform', 'assign', '--team', 'North');
    const { v } = await page();
    await submit(
      form({ lang: 'en', v, lastName: 'North', email: 'n@x.example', consent: 'yes' }),
      '203.0.113.2',
    );
    const [lead] = await leadsBy('n@x.example');
    expect([office.a.id, office.c.id]).toContain(lead?.ownerId);
    await expect(admin('webform', 'assign', '--team', 'Nowhere')).rejects.toThrow(/no team/);
  });

  it('refuses a submission without consent, keeps the values, and never ticks the box', async () => {
    const { v } = await page();
    const res = await submit(
      form({ lang: 'en', v, lastName: 'Nope', email: 'nope@x.example' }),
      '203.0.113.3',
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Please tick the consent box');
    expect(res.body).toContain('value="nope@x.example"');
    expect(res.body).not.toMatch(/checked/);
    expect(await leadsBy('nope@x.example')).toHaveLength(0);
  });

  it('thanks a robot that fills the honeypot and keeps nothing', async () => {
    const { v } = await page();
    const res = await submit(
      form({
        lang: 'en',
        v,
        lastName: 'Bot',
        email: 'bot@x.example',
        consent: 'yes',
        homepage: 'http://spam',
      }),
      '203.0.113.4',
    );
    expect(res.statusCode).toBe(200);
    expect(await leadsBy('bot@x.example')).toHaveLength(0);
  });

  it('answers bad input with a 4xx, never a 5xx', async () => {
    const { v } = await page();
    const bodies: [string, string][] = [
      ['', 'application/x-www-form-urlencoded'],
      ['%%%&&&==', 'application/x-www-form-urlencoded'],
      [
        form({ lang: 'xx', v, email: 'not-an-email', lastName: 'X', consent: 'yes' }),
        'application/x-www-form-urlencoded',
      ],
      [
        form({ lang: 'en', v, email: 'a@b.example', lastName: 'x'.repeat(500), consent: 'yes' }),
        'application/x-www-form-urlencoded',
      ],
      [
        form({ lang: 'en', v: 'stale', email: 'a@b.example', lastName: 'X', consent: 'yes' }),
        'application/x-www-form-urlencoded',
      ],
      ['{"email":"a@b.example"}', 'application/json'],
      ['x'.repeat(40_000), 'application/x-www-form-urlencoded'],
      ['<xml/>', 'text/xml'],
    ];
    for (const [i, [body, type]] of bodies.entries()) {
      const res = await submit(body, `198.51.100.${i}`, type);
      expect(res.statusCode, body.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, body.slice(0, 40)).toBeLessThan(500);
    }
    expect(await leadsBy('a@b.example')).toHaveLength(0);
  });

  it('stops a flood from one address and lets another address through', async () => {
    const { v } = await page();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await submit(
        form({
          lang: 'en',
          v,
          lastName: `Flood ${i}`,
          email: `flood${i}@x.example`,
          consent: 'yes',
        }),
        '192.0.2.77',
      );
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    const other = await submit(
      form({ lang: 'en', v, lastName: 'Calm', email: 'calm@x.example', consent: 'yes' }),
      '192.0.2.78',
    );
    expect(other.statusCode).toBe(200);
  });
});
