// The browser build's session through the real web server and the real sync server: an
// HttpOnly SameSite=Strict cookie instead of a token the page could read, and a CSRF token
// required on every state-changing request.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../server/src/app';
import type { FairleadServer } from '../server/src/app';
import { addUser } from '../server/src/office';
import { startWebServer } from '../scripts/web-server';
import type { WebServer } from '../scripts/web-server';

const password = 'correct horse battery';

type Cookie = { name: string; value: string; attributes: string[] };
const parseSetCookie = (header: string): Cookie => {
  const [pair = '', ...attributes] = header.split(';').map((s) => s.trim());
  const at = pair.indexOf('=');
  return { name: pair.slice(0, at), value: pair.slice(at + 1), attributes };
};

describe('browser session cookie', () => {
  let folder: string;
  let api: FairleadServer;
  let web: WebServer;

  const login = (base: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ email: 'sara@north.example', password, deviceName: 'browser' }),
    });

  /** Signs in through the web server as the browser build does; the cookies it got. */
  const browserSignIn = async () => {
    const answer = await login(web.url, { 'x-fairlead-session': 'cookie' });
    expect(answer.status).toBe(200);
    const cookies = answer.headers.getSetCookie().map(parseSetCookie);
    const session = cookies.find((c) => c.name === 'fairlead_session');
    const csrf = cookies.find((c) => c.name === 'fairlead_csrf');
    if (!session || !csrf) throw new Error('no session cookies');
    return {
      answer,
      session,
      csrf,
      jar: `fairlead_session=${session.value}; fairlead_csrf=${csrf.value}`,
    };
  };

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'fairlead-web-session-'));
    const root = join(folder, 'web');
    mkdirSync(root);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
    api = await createServer({ dataDir: join(folder, 'data'), trustProxy: ['127.0.0.1'] });
    await api.listen(0);
    await addUser(api.storage, {
      email: 'sara@north.example',
      password,
      role: 'seller',
      team: 'North',
    });
    web = await startWebServer({ root, apiUrl: api.url ?? '' });
  });

  afterAll(async () => {
    await web?.close();
    await api?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('keeps the token in an HttpOnly, SameSite=Strict cookie the page never sees', async () => {
    const { answer, session, csrf } = await browserSignIn();
    const body = (await answer.json()) as { token: string; user: { email: string } };
    expect(body.token).toBe('');
    expect(body.user.email).toBe('sara@north.example');
    expect(session.value).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(session.attributes).toEqual(
      expect.arrayContaining(['Path=/api', 'HttpOnly', 'SameSite=Strict']),
    );
    expect(session.attributes.find((a) => a.startsWith('Max-Age='))).toMatch(/^Max-Age=\d{5,}$/);
    // Served over http://127.0.0.1: no Secure (a browser would drop it there).
    expect(session.attributes).not.toContain('Secure');
    expect(csrf.attributes).toEqual(expect.arrayContaining(['Path=/', 'SameSite=Strict']));
    expect(csrf.attributes).not.toContain('HttpOnly');
    expect(csrf.value).not.toBe(session.value);
  });

  it('marks both cookies Secure when the page is served over https', async () => {
    // A TLS proxy in front of the server says so; the server trusts it (TRUST_PROXY).
    const answer = await login(api.url ?? '', {
      'x-fairlead-session': 'cookie',
      'x-forwarded-proto': 'https',
    });
    const cookies = answer.headers.getSetCookie().map(parseSetCookie);
    expect(cookies.map((c) => c.name).sort()).toEqual(['fairlead_csrf', 'fairlead_session']);
    for (const c of cookies) expect(c.attributes).toContain('Secure');
  });

  it('reads with the cookie, and refuses a state change without the CSRF token', async () => {
    const { jar, csrf } = await browserSignIn();
    const pull = await fetch(`${web.url}/api/sync/leads/pull?limit=5`, {
      headers: { cookie: jar },
    });
    expect(pull.status).toBe(200);
    const push = (headers: Record<string, string>) =>
      fetch(`${web.url}/api/sync/leads/push`, {
        method: 'POST',
        headers: { cookie: jar, 'content-type': 'application/json', ...headers },
        body: '[]',
      });
    for (const refused of [await push({}), await push({ 'x-fairlead-csrf': 'forged' })]) {
      expect(refused.status).toBe(403);
      const error = (await refused.json()) as {
        code: string;
        messages: { en: string; it: string };
      };
      expect(error.code).toBe('forbidden');
      expect(error.messages.en).toMatch(/did not come from the Fairlead page/);
      expect(error.messages.it).toMatch(/non proviene dalla pagina di Fairlead/);
    }
    expect((await push({ 'x-fairlead-csrf': csrf.value })).status).toBe(200);
  });

  it('ends the cookie session at sign-out', async () => {
    const { jar, csrf } = await browserSignIn();
    const refused = await fetch(`${web.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: jar, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(403);
    const out = await fetch(`${web.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: jar, 'content-type': 'application/json', 'x-fairlead-csrf': csrf.value },
      body: '{}',
    });
    expect(out.status).toBe(200);
    const cleared = out.headers.getSetCookie().map(parseSetCookie);
    expect(cleared.map((c) => [c.name, c.value])).toEqual([
      ['fairlead_session', ''],
      ['fairlead_csrf', ''],
    ]);
    for (const c of cleared) expect(c.attributes).toContain('Max-Age=0');
    const after = await fetch(`${web.url}/api/sync/leads/pull?limit=5`, {
      headers: { cookie: jar },
    });
    expect(after.status).toBe(401);
  });

  it('still gives the desktop app its bearer token, with no cookie and no CSRF check', async () => {
    const answer = await login(api.url ?? '');
    expect(answer.headers.getSetCookie()).toEqual([]);
    const { token } = (await answer.json()) as { token: string };
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const push = await fetch(`${api.url}/api/sync/leads/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '[]',
    });
    expect(push.status).toBe(200);
  });
});
