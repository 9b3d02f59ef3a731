// The web server of `npm start` and the e2e tests: static files of the build, the app for
// unknown paths, and /api + /health forwarded to the sync server (same origin, no CORS).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer } from '../scripts/web-server';
import type { WebServer } from '../scripts/web-server';

describe('web server', () => {
  let root: string;
  let api: Server;
  let web: WebServer;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fairlead-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(root, 'assets/app.js'), 'console.log(1)');
    // A real HTTP upstream that echoes what it received.
    api = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            method: req.method,
            url: req.url,
            auth: req.headers.authorization ?? null,
            body,
          }),
        );
      });
    });
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
    const address = api.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    web = await startWebServer({ root, apiUrl: `http://127.0.0.1:${port}` });
  });

  afterAll(async () => {
    await web?.close();
    await new Promise((r) => api?.close(r));
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the app with a strict CSP and no framing, sniffing or referrer', async () => {
    for (const path of ['/', '/assets/app.js', '/some/route']) {
      const answer = await fetch(`${web.url}${path}`);
      const csp = answer.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      // The API is on this origin: nothing else may be reached from the page.
      expect(csp).toMatch(/connect-src 'self'(;|$)/);
      expect(csp).not.toContain('unsafe-inline');
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('serves build files with their content type', async () => {
    const response = await fetch(`${web.url}/assets/app.js`);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers unknown paths with the app and never serves outside the build', async () => {
    expect(await (await fetch(`${web.url}/some/deep/link`)).text()).toContain('<title>app</title>');
    expect(await (await fetch(`${web.url}/..%2f..%2fetc%2fpasswd`)).text()).toContain(
      '<title>app</title>',
    );
  });

  it('forwards API calls with method, path, headers and body', async () => {
    const response = await fetch(`${web.url}/api/sync/leads/push?x=1`, {
      method: 'POST',
      headers: { authorization: 'Bearer t0k', 'content-type': 'application/json' },
      body: '[1,2]',
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      method: 'POST',
      url: '/api/sync/leads/push?x=1',
      auth: 'Bearer t0k',
      body: '[1,2]',
    });
  });
});
