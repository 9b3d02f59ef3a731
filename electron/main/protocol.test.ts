import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
}));
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: electron.registerSchemesAsPrivileged,
    handle: electron.handle,
  },
}));

const { registerAppScheme, serveAppProtocol, serveAppRequest } = await import('./protocol');

let root = '';
let outside = '';

beforeAll(async () => {
  const base = await mkdtemp(path.join(os.tmpdir(), 'fairlead-protocol-'));
  root = path.join(base, 'renderer');
  outside = path.join(base, 'secret.txt');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Fairlead</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(outside, 'top secret');
});

afterAll(async () => {
  await rm(path.dirname(root), { recursive: true, force: true });
});

describe('app:// protocol', () => {
  it('registers app:// as a standard, secure scheme', () => {
    registerAppScheme();
    expect(electron.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
  });

  it('serves files from the renderer folder with the CSP', async () => {
    const response = await serveAppRequest(new Request('app://fairlead/index.html'), root, 'csp!');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe('csp!');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>Fairlead</title>');
    const script = await serveAppRequest(new Request('app://fairlead/assets/app.js'), root, 'c');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('answers 404 for missing files and 403 for traversal, never leaking outside files', async () => {
    const missing = await serveAppRequest(new Request('app://fairlead/assets/none.js'), root, 'c');
    expect(missing.status).toBe(404);
    for (const url of [
      'app://fairlead/..%2fsecret.txt',
      'app://fairlead/assets/..%5c..%5csecret.txt',
    ]) {
      const response = await serveAppRequest(new Request(url), root, 'c');
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain('top secret');
    }
    // The URL parser collapses '%2e%2e/' before the handler sees it: the path stays in the root.
    const collapsed = await serveAppRequest(
      new Request('app://fairlead/%2e%2e/secret.txt'),
      root,
      'c',
    );
    expect(collapsed.status).toBe(404);
    expect(await collapsed.text()).not.toContain('top secret');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await serveAppRequest(
      new Request('app://fairlead/index.html', { method: 'POST', body: 'x' }),
      root,
      'c',
    );
    expect(response.status).toBe(405);
  });

  it('installs the handler for the app scheme', async () => {
    serveAppProtocol(root, () => 'csp!');
    const [scheme, handler] = electron.handle.mock.calls[0] as [
      string,
      (request: Request) => Promise<Response>,
    ];
    expect(scheme).toBe('app');
    const response = await handler(new Request('app://fairlead/'));
    expect(response.status).toBe(200);
  });
});
