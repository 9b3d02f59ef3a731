import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../shared/ipc/channels';
import type { IpcChannelKey } from '../../../shared/ipc/channels';

const stub = vi.hoisted(async () => (await import('./ipc-test-electron')).createElectronStub());
vi.mock('electron', async () => (await stub).module);

const { handlers, safeStorage, dialog } = await stub;
const { createIpcHandlers } = await import('./handlers');
const { registerIpcHandlers } = await import('./register');
const { createSecretStore } = await import('./secrets');
const { createInstallationStore } = await import('./installation');

let dir = '';
const openInBrowser = vi.fn(async (_url: string) => true);
const setLanguage = vi.fn();
const sender = {
  printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7 page')),
  print: vi.fn((_options: unknown, done: (success: boolean, reason: string) => void) =>
    done(true, ''),
  ),
};

type Frame = { url: string; parent: unknown } | null;
const eventFrom = (senderFrame: Frame) => ({ senderFrame, sender });
const appFrame = { url: 'app://fairlead/index.html#/leads', parent: null };
const trusted = eventFrom(appFrame);

const call = async (key: IpcChannelKey, payload: unknown, event: unknown = trusted) => {
  const handler = handlers.get(ipcChannels[key]);
  if (handler === undefined) throw new Error(`no handler for ${key}`);
  return handler(event, payload);
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fairlead-ipc-'));
  registerIpcHandlers(
    createIpcHandlers({
      secrets: createSecretStore(path.join(dir, 'secrets.json'), 'linux'),
      appVersion: () => '1.2.3',
      updateStatus: () => ({ state: 'unsupported', reason: 'development build' }),
      openInBrowser,
      setLanguage,
      installation: createInstallationStore(path.join(dir, 'installation.json')),
      trustSyncServer: async (url) =>
        url.startsWith('https://') ? { origin: new URL(url).origin, reloading: true } : null,
    }),
    ['app://fairlead'],
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  vi.clearAllMocks();
  safeStorage.isAsyncEncryptionAvailable.mockResolvedValue(true);
  safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
});

// One valid payload per channel, and payloads each channel must refuse.
const valid: Record<IpcChannelKey, unknown> = {
  setSecret: { key: 'session.token', value: 'tok-123' },
  getSecret: { key: 'session.token' },
  deleteSecret: { key: 'session.token' },
  secretStorageStatus: null,
  saveFile: { suggestedName: 'leads.csv', kind: 'csv', content: 'a;b\n1;2\n' },
  savePageAsPdf: { suggestedName: 'Quote Q-AB-1' },
  openCsv: undefined,
  print: null,
  appVersion: null,
  updateStatus: null,
  openExternal: { url: 'https://example.com/' },
  setLanguage: { language: 'it' },
  keepInstallationId: { proposed: '0f3c2a9b7d1e4f608a5b3c2d1e0f9a8b' },
  trustSyncServer: { url: 'https://sync.example.it/' },
};

const malformed: Record<IpcChannelKey, unknown[]> = {
  setSecret: [
    null,
    'session.token',
    { key: '../../etc/passwd', value: 'x' },
    { key: 'Session Token', value: 'x' },
    { key: 'session.token', value: 42 },
    { key: 'session.token', value: 'x'.repeat(20_000) },
    { key: 'session.token', value: 'x', extra: true },
  ],
  getSecret: [{}, { key: '' }, { key: 7 }, { key: '__proto__' }, [1]],
  deleteSecret: [{ key: null }, { key: 'a/b' }],
  secretStorageStatus: [{ anything: 1 }, 'x'],
  saveFile: [
    { suggestedName: '../evil.csv', kind: 'csv', content: 'x' },
    { suggestedName: 'C:\\Windows\\evil.pdf', kind: 'pdf', content: 'x' },
    { suggestedName: '/etc/passwd', kind: 'csv', content: 'x' },
    { suggestedName: 'ok.csv', kind: 'exe', content: 'x' },
    { suggestedName: 'ok.csv', kind: 'csv', content: { length: 1 } },
    { suggestedName: 'ok.csv', kind: 'csv' },
    { suggestedName: '..', kind: 'csv', content: 'x' },
    { suggestedName: 'nul\u0000.csv', kind: 'csv', content: 'x' },
  ],
  savePageAsPdf: [{ suggestedName: 'a/b.pdf' }, {}, null],
  openCsv: [{ path: '/etc/passwd' }, 'C:\\data.csv'],
  print: [{ silent: true }],
  appVersion: [1],
  updateStatus: [{}],
  openExternal: [{ url: 42 }, 'https://example.com/', { url: 'x'.repeat(3000) }],
  setLanguage: [{ language: 'de' }, { language: 'it', x: 1 }, 'it'],
  keepInstallationId: [
    null,
    { proposed: 'short' },
    { proposed: '../../../etc/passwd-and-more' },
    { proposed: 'a'.repeat(65) },
    { proposed: '0f3c2a9b7d1e4f608a5b3c2d1e0f9a8b', extra: 1 },
  ],
  trustSyncServer: [null, { url: 7 }, { url: '' }, { url: 'https://x', extra: 1 }, 'https://x'],
};

const keys = Object.keys(ipcChannels) as IpcChannelKey[];

describe('IPC registration', () => {
  it('registers exactly one handler per channel of the contract', () => {
    expect([...handlers.keys()].sort()).toEqual(Object.values(ipcChannels).sort());
  });
});

describe.each(keys)('channel %s', (key) => {
  it('refuses malformed payloads without running the handler', async () => {
    for (const payload of malformed[key]) {
      await expect(call(key, payload)).resolves.toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(openInBrowser).not.toHaveBeenCalled();
    expect(setLanguage).not.toHaveBeenCalled();
  });

  it('refuses senders other than the app’s own top-level frame', async () => {
    const strangers: Frame[] = [
      null,
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///tmp/page.html', parent: null },
      { url: 'app://other/index.html', parent: null },
      { url: 'app://fairlead/index.html', parent: appFrame },
      { url: 'about:blank', parent: null },
    ];
    for (const frame of strangers) {
      const answer = await call(key, valid[key], eventFrom(frame));
      expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
      expect(answer).toHaveProperty('error.message.it');
    }
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(sender.print).not.toHaveBeenCalled();
    expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled();
  });

  it('answers a valid request with ok', async () => {
    await expect(call(key, valid[key])).resolves.toMatchObject({ ok: true });
  });
});

describe('handler results', () => {
  it('trusts an https sync server and refuses other addresses in plain words', async () => {
    expect(await call('trustSyncServer', { url: 'https://sync.example.it/api' })).toEqual({
      ok: true,
      value: { origin: 'https://sync.example.it', reloading: true },
    });
    expect(await call('trustSyncServer', { url: 'http://sync.example.it' })).toMatchObject({
      ok: false,
      error: { code: 'unsafe-url', message: { en: expect.stringMatching(/https:\/\//) } },
    });
  });

  it('stores, reads and deletes a secret, encrypted on disk', async () => {
    await call('setSecret', { key: 'device.key', value: 'k-secret-value' });
    expect(await call('getSecret', { key: 'device.key' })).toEqual({
      ok: true,
      value: 'k-secret-value',
    });
    expect(await readFile(path.join(dir, 'secrets.json'), 'utf8')).not.toContain('k-secret-value');
    await call('deleteSecret', { key: 'device.key' });
    expect(await call('getSecret', { key: 'device.key' })).toEqual({ ok: true, value: null });
  });

  it('keeps the first installation id in the user data folder, whatever the renderer proposes', async () => {
    const first = await call('keepInstallationId', {
      proposed: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    });
    expect(first).toMatchObject({ ok: true });
    const kept = (first as { value: string }).value;
    // The renderer lost its store and proposes a new id: the kept one comes back.
    expect(
      await call('keepInstallationId', { proposed: 'ffffffffffffffffffffffffffffffff' }),
    ).toEqual({
      ok: true,
      value: kept,
    });
    const file = path.join(dir, 'installation.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, installationId: kept });
    // After a restart of the main process too.
    const restarted = createInstallationStore(file);
    expect(await restarted.keep('eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee')).toEqual({
      ok: true,
      value: kept,
    });
    // A damaged file holds nothing: the proposed id is kept.
    const damaged = path.join(dir, 'damaged-installation.json');
    await writeFile(damaged, '{"version":1,"installationId":');
    expect(await createInstallationStore(damaged).keep('dddddddddddddddddddddddddddddddd')).toEqual(
      {
        ok: true,
        value: 'dddddddddddddddddddddddddddddddd',
      },
    );
    expect(JSON.parse(await readFile(damaged, 'utf8')).installationId).toBe(
      'dddddddddddddddddddddddddddddddd',
    );
    // A folder that cannot be written: a plain error, no exception across IPC.
    const blocked = createInstallationStore(path.join(dir, 'secrets.json', 'installation.json'));
    await call('setSecret', { key: 'x', value: 'y' });
    expect(await blocked.keep('cccccccccccccccccccccccccccccccc')).toMatchObject({
      ok: false,
      error: { code: 'io-error', message: { it: expect.stringContaining('identità') } },
    });
  });

  it('reports the secret storage backend', async () => {
    expect(await call('secretStorageStatus', null)).toEqual({
      ok: true,
      value: { available: true, backend: 'gnome_libsecret' },
    });
  });

  it('saves a CSV where the user chose, adding the extension', async () => {
    const target = path.join(dir, 'export');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const answer = await call('saveFile', valid.saveFile);
    expect(answer).toEqual({ ok: true, value: `${target}.csv` });
    expect(await readFile(`${target}.csv`, 'utf8')).toBe('a;b\n1;2\n');
  });

  it('saves binary PDF content', async () => {
    const target = path.join(dir, 'quote.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const content = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    const answer = await call('saveFile', { suggestedName: 'quote', kind: 'pdf', content });
    expect(answer).toEqual({ ok: true, value: target });
    expect([...(await readFile(target))]).toEqual([...content]);
  });

  it('saves an e-invoice XML under its SdI file name', async () => {
    const target = path.join(dir, 'IT01234567897_00001');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const xml = '<?xml version="1.0" encoding="UTF-8"?><p:FatturaElettronica/>';
    const answer = await call('saveFile', {
      suggestedName: 'IT01234567897_00001.xml',
      kind: 'xml',
      content: xml,
    });
    expect(answer).toEqual({ ok: true, value: `${target}.xml` });
    expect(await readFile(`${target}.xml`, 'utf8')).toBe(xml);
  });

  it('answers null when the save dialog is canceled', async () => {
    expect(await call('saveFile', valid.saveFile)).toEqual({ ok: true, value: null });
  });

  it('reports a write failure in plain words', async () => {
    const target = path.join(dir, 'missing-folder', 'x.csv');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await call('saveFile', valid.saveFile)).toMatchObject({
      ok: false,
      error: { code: 'io-error' },
    });
  });

  it('saves the page as PDF', async () => {
    const target = path.join(dir, 'page.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await call('savePageAsPdf', valid.savePageAsPdf)).toEqual({ ok: true, value: target });
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7 page');
  });

  it('opens a CSV chosen in the dialog, without its byte order mark', async () => {
    const source = path.join(dir, 'fair.csv');
    await writeFile(source, '\ufeffnome;email\nAnna;anna@example.it\n');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [source] });
    expect(await call('openCsv', null)).toEqual({
      ok: true,
      value: { name: 'fair.csv', text: 'nome;email\nAnna;anna@example.it\n' },
    });
    expect(await call('openCsv', null)).toEqual({ ok: true, value: null });
  });

  it('prints, treating a canceled print dialog as fine and a failure as an error', async () => {
    expect(await call('print', null)).toEqual({ ok: true, value: null });
    sender.print.mockImplementationOnce((_o, done) => done(false, 'cancelled'));
    expect(await call('print', null)).toEqual({ ok: true, value: null });
    sender.print.mockImplementationOnce((_o, done) => done(false, 'Print job failed'));
    expect(await call('print', null)).toMatchObject({ ok: false, error: { code: 'io-error' } });
  });

  it('answers version and update status', async () => {
    expect(await call('appVersion', null)).toEqual({ ok: true, value: '1.2.3' });
    expect(await call('updateStatus', null)).toEqual({
      ok: true,
      value: { state: 'unsupported', reason: 'development build' },
    });
  });

  it('opens only safe external links', async () => {
    expect(await call('openExternal', { url: 'https://example.com/a' })).toEqual({
      ok: true,
      value: null,
    });
    expect(openInBrowser).toHaveBeenCalledWith('https://example.com/a');
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'https://u:p@example.com']) {
      expect(await call('openExternal', { url })).toMatchObject({
        ok: false,
        error: { code: 'unsafe-url' },
      });
    }
    expect(openInBrowser).toHaveBeenCalledTimes(1);
  });

  it('passes the UI language to the shell', async () => {
    await call('setLanguage', { language: 'it' });
    expect(setLanguage).toHaveBeenCalledWith('it');
  });

  it('turns an unexpected exception into an internal error', async () => {
    dialog.showSaveDialog.mockRejectedValueOnce(new Error('dialog crashed'));
    expect(await call('savePageAsPdf', valid.savePageAsPdf)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});
