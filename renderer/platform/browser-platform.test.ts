import { describe, expect, it, vi } from 'vitest';
import type { BrowserPlatformEnvironment } from './browser-platform';
import { browserSecretPrefix, createBrowserPlatform } from './browser-platform';

type FakeElement = {
  tagName: string;
  href: string;
  download: string;
  rel: string;
  type: string;
  accept: string;
  files: File[] | null;
  listeners: Map<string, () => void>;
  addEventListener: (name: string, listener: () => void) => void;
  click: () => void;
  remove: () => void;
};

const setup = (onClick: (element: FakeElement) => void = () => undefined) => {
  const storage = new Map<string, string>();
  const created: FakeElement[] = [];
  const blobs: Blob[] = [];
  const document = {
    body: { append: vi.fn() },
    createElement: (tagName: string) => {
      const element: FakeElement = {
        tagName,
        href: '',
        download: '',
        rel: '',
        type: '',
        accept: '',
        files: null,
        listeners: new Map(),
        addEventListener: (name, listener) => element.listeners.set(name, listener),
        click: () => onClick(element),
        remove: vi.fn(),
      };
      created.push(element);
      return element;
    },
  };
  const window = { print: vi.fn(), open: vi.fn() };
  const env = {
    storage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
      removeItem: (key: string) => void storage.delete(key),
    },
    document: document as unknown as Document,
    window,
    createObjectUrl: (blob: Blob) => {
      blobs.push(blob);
      return `blob:fake/${blobs.length}`;
    },
    revokeObjectUrl: vi.fn(),
  } satisfies BrowserPlatformEnvironment;
  return { platform: createBrowserPlatform(env), storage, created, blobs, window };
};

describe('createBrowserPlatform', () => {
  it('keeps secrets in localStorage and says there is no keyring', async () => {
    const { platform, storage } = setup();
    expect(await platform.secretStorageStatus()).toEqual({
      available: false,
      backend: 'browser-localstorage',
    });
    await platform.setSecret('fairlead.session.token', 'tok');
    expect(storage.get(`${browserSecretPrefix}fairlead.session.token`)).toBe('tok');
    expect(await platform.getSecret('fairlead.session.token')).toEqual({ ok: true, value: 'tok' });
    await platform.deleteSecret('fairlead.session.token');
    expect(await platform.getSecret('fairlead.session.token')).toEqual({ ok: true, value: null });
  });

  it('reports storage that refuses writes', async () => {
    const failing = createBrowserPlatform({
      storage: {
        getItem: () => null,
        setItem: () => {
          throw new Error('QuotaExceededError');
        },
        removeItem: () => undefined,
      },
      document: {} as Document,
      window: { print: vi.fn(), open: vi.fn() },
      createObjectUrl: () => '',
      revokeObjectUrl: () => undefined,
    });
    expect(await failing.setSecret('k', 'v')).toMatchObject({ ok: false });
  });

  it('saves through a download link with the right name and type', async () => {
    const { platform, created, blobs } = setup();
    expect(
      await platform.saveFile({ suggestedName: 'leads', kind: 'csv', content: 'a;b' }),
    ).toEqual({ ok: true, value: 'leads.csv' });
    expect(created[0]).toMatchObject({ tagName: 'a', download: 'leads.csv', href: 'blob:fake/1' });
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    expect(await blobs[0]?.text()).toBe('a;b');
    await platform.saveFile({ suggestedName: 'q.pdf', kind: 'pdf', content: new Uint8Array([37]) });
    expect(created[1]?.download).toBe('q.pdf');
    expect(blobs[1]?.type).toBe('application/pdf');
  });

  it('opens a CSV through a file input, and null when canceled', async () => {
    const file = new File(['\ufeffnome;email\n'], 'fiera.csv', { type: 'text/csv' });
    const chosen = setup((input) => {
      input.files = [file];
      input.listeners.get('change')?.();
    });
    expect(await chosen.platform.openCsv()).toEqual({
      ok: true,
      value: { name: 'fiera.csv', text: 'nome;email\n' },
    });
    expect(chosen.created[0]).toMatchObject({ tagName: 'input', type: 'file' });
    const canceled = setup((input) => input.listeners.get('cancel')?.());
    expect(await canceled.platform.openCsv()).toEqual({ ok: true, value: null });
  });

  it('prints with window.print and reports updates as unsupported', async () => {
    const { platform, window } = setup();
    await platform.print();
    await platform.savePageAsPdf('x');
    expect(window.print).toHaveBeenCalledTimes(2);
    expect(await platform.updateStatus()).toMatchObject({ state: 'unsupported' });
    expect(typeof (await platform.appVersion())).toBe('string');
  });

  it('opens only http(s) links, in a new tab without opener', async () => {
    const { platform, window } = setup();
    expect(await platform.openExternal('https://example.com/')).toEqual({
      ok: true,
      value: undefined,
    });
    expect(window.open).toHaveBeenCalledWith(
      'https://example.com/',
      '_blank',
      'noopener,noreferrer',
    );
    expect(await platform.openExternal('javascript:alert(1)')).toMatchObject({ ok: false });
    expect(await platform.openExternal('https://u:p@example.com/')).toMatchObject({ ok: false });
    expect(window.open).toHaveBeenCalledTimes(1);
  });
});
