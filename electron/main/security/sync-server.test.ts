import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCsp } from './csp';
import { openSyncServerStore, syncServerOrigin } from './sync-server';

const connectSrc = (csp: string): string[] =>
  (csp.split('; ').find((d) => d.startsWith('connect-src ')) ?? '').split(' ').slice(1);

describe('syncServerOrigin', () => {
  it('accepts https servers and plain http on this computer only', () => {
    expect(syncServerOrigin('https://sync.example.it/api/')).toBe('https://sync.example.it');
    expect(syncServerOrigin('https://sync.example.it:8443')).toBe('https://sync.example.it:8443');
    expect(syncServerOrigin('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(syncServerOrigin('http://localhost:8080/')).toBe('http://localhost:8080');
    for (const bad of [
      'http://sync.example.it',
      'http://192.168.1.10:8080',
      'ftp://sync.example.it',
      'https://user:pw@sync.example.it',
      'javascript:alert(1)',
      'not a url',
      42,
    ])
      expect(syncServerOrigin(bad), String(bad)).toBeNull();
  });
});

describe('the sync server store and the CSP built from it', () => {
  let folder: string | undefined;
  afterEach(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('allows connections to no server until one is named, then to that one only', async () => {
    folder = mkdtempSync(join(tmpdir(), 'fairlead-sync-server-'));
    const file = join(folder, 'sync-server.json');
    const store = await openSyncServerStore(file);
    expect(store.current()).toBeNull();
    expect(connectSrc(buildCsp())).toEqual(["'self'"]);

    expect(await store.trust('http://sync.example.it')).toBeNull();
    expect(await store.trust('https://sync.example.it/')).toEqual({
      origin: 'https://sync.example.it',
      changed: true,
    });
    expect(await store.trust('https://sync.example.it/api')).toEqual({
      origin: 'https://sync.example.it',
      changed: false,
    });
    const csp = buildCsp({ connectSources: [store.current() ?? ''] });
    expect(connectSrc(csp)).toEqual(["'self'", 'https://sync.example.it']);
    expect(csp).not.toMatch(/connect-src[^;]*(https:|http:)(\s|;|$)/);

    // Kept for the next start.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      version: 1,
      origin: 'https://sync.example.it',
    });
    expect((await openSyncServerStore(file)).current()).toBe('https://sync.example.it');
  });

  it('starts from the configured server when none is kept, and ignores a damaged file', async () => {
    folder = mkdtempSync(join(tmpdir(), 'fairlead-sync-server-'));
    const file = join(folder, 'sync-server.json');
    writeFileSync(file, '{not json');
    expect((await openSyncServerStore(file, 'https://office.example.it')).current()).toBe(
      'https://office.example.it',
    );
    expect((await openSyncServerStore(file, 'http://office.example.it')).current()).toBeNull();
  });
});
