import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appResponseHeaders, contentTypeOf, resolveAppPath } from './app-protocol';

const root = path.resolve('/srv/fairlead/out/renderer');

describe('resolveAppPath', () => {
  it('maps app://fairlead paths to files under the root', () => {
    expect(resolveAppPath('app://fairlead/index.html', root)).toEqual({
      ok: true,
      filePath: path.join(root, 'index.html'),
    });
    expect(resolveAppPath('app://fairlead/assets/index-abc.js?v=1#x', root)).toEqual({
      ok: true,
      filePath: path.join(root, 'assets', 'index-abc.js'),
    });
    expect(resolveAppPath('app://fairlead/assets/caf%C3%A8.png', root)).toEqual({
      ok: true,
      filePath: path.join(root, 'assets', 'cafè.png'),
    });
  });

  it('serves index.html for the root and for client-side routes', () => {
    const index = { ok: true, filePath: path.join(root, 'index.html') };
    expect(resolveAppPath('app://fairlead/', root)).toEqual(index);
    expect(resolveAppPath('app://fairlead', root)).toEqual(index);
    expect(resolveAppPath('app://fairlead/leads/123', root)).toEqual(index);
  });

  it.each([
    'app://fairlead/../../etc/passwd',
    'app://fairlead/assets/../../secrets.json',
    'app://fairlead/%2e%2e/%2e%2e/etc/passwd',
    'app://fairlead/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    'app://fairlead/assets/%2e%2e%2f..%2fmain/index.js',
    'app://fairlead/..%5c..%5cwindows%5cwin.ini',
    'app://fairlead/%5c%5cserver%5cshare',
    'app://fairlead/index.html%00.png',
    'app://fairlead/C:/Windows/win.ini',
    'app://fairlead/C%3A%5CWindows%5Cwin.ini',
    'app://fairlead/./index.html',
  ])('refuses traversal: %s', (url) => {
    expect(resolveAppPath(url, root)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses other hosts, schemes and credentials', () => {
    expect(resolveAppPath('app://other/index.html', root)).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(resolveAppPath('file:///etc/passwd', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppPath('app://u:p@fairlead/index.html', root)).toMatchObject({ ok: false });
  });

  it('refuses malformed input', () => {
    expect(resolveAppPath('not a url', root)).toEqual({ ok: false, status: 400 });
    expect(resolveAppPath('app://fairlead/%E0%A4%A', root)).toEqual({ ok: false, status: 400 });
  });

  it('never resolves outside the root, whatever the path', () => {
    const samples = ['/etc/passwd', '//etc/passwd', '/%2fetc%2fpasswd', '/assets//x.js'];
    for (const sample of samples) {
      const result = resolveAppPath(`app://fairlead${sample}`, root);
      if (result.ok) expect(result.filePath.startsWith(root + path.sep)).toBe(true);
    }
  });
});

describe('response headers', () => {
  it('sends the CSP and a correct content type with nosniff', () => {
    const headers = appResponseHeaders('/x/index.html', "default-src 'none'");
    expect(headers['Content-Security-Policy']).toBe("default-src 'none'");
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(contentTypeOf('/x/app.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/x/data.bin')).toBe('application/octet-stream');
  });
});
