// The Platform in a plain browser (the office's web access, and the UI tests in Chromium).
// A browser has no OS keyring: secrets go to localStorage, readable by any script on this
// origin, and secretStorageStatus says so, so the UI can tell the user.
import type { Platform, PlatformResult } from '../../shared/platform';
import { localize } from './messages';

export const browserSecretPrefix = 'fairlead.secret.';
export const maxCsvBytes = 20 * 1024 * 1024;

const ok = <T>(value: T): PlatformResult<T> => ({ ok: true, value });
const fail = (en: string, it: string): PlatformResult<never> => ({
  ok: false,
  error: localize({ en, it }),
});

const storageFailed = (): PlatformResult<never> =>
  fail(
    'The browser refused to store data (private mode or storage full).',
    'Il browser non consente di salvare dati (navigazione privata o spazio esaurito).',
  );

export type BrowserPlatformEnvironment = {
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  readonly document: Document;
  readonly window: Pick<Window, 'print' | 'open'>;
  readonly createObjectUrl: (blob: Blob) => string;
  readonly revokeObjectUrl: (url: string) => void;
};

const mimeTypes = {
  pdf: 'application/pdf',
  csv: 'text/csv;charset=utf-8',
  xml: 'application/xml',
} as const;

const isWebLink = (raw: string): boolean => {
  try {
    const url = new URL(raw);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.username === '' &&
      url.password === ''
    );
  } catch {
    return false;
  }
};

const pickCsvFile = (doc: Document): Promise<File | null> =>
  new Promise((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept =
      '.csv,.vcf,.xlsx,text/csv,text/vcard,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });

export const createBrowserPlatform = (env: BrowserPlatformEnvironment): Platform => ({
  kind: 'browser',
  setSecret: async (key, value) => {
    try {
      env.storage.setItem(browserSecretPrefix + key, value);
      return ok(undefined);
    } catch {
      return storageFailed();
    }
  },
  getSecret: async (key) => {
    try {
      return ok(env.storage.getItem(browserSecretPrefix + key));
    } catch {
      return storageFailed();
    }
  },
  deleteSecret: async (key) => {
    try {
      env.storage.removeItem(browserSecretPrefix + key);
      return ok(undefined);
    } catch {
      return storageFailed();
    }
  },
  secretStorageStatus: async () => ({ available: false, backend: 'browser-localstorage' }),
  saveFile: async ({ suggestedName, kind, content }) => {
    const name = suggestedName.toLowerCase().endsWith(`.${kind}`)
      ? suggestedName
      : `${suggestedName}.${kind}`;
    // Copy into a fresh ArrayBuffer-backed array: Blob takes no SharedArrayBuffer views.
    const part = typeof content === 'string' ? content : new Uint8Array(content);
    const url = env.createObjectUrl(new Blob([part], { type: mimeTypes[kind] }));
    try {
      const link = env.document.createElement('a');
      link.href = url;
      link.download = name;
      link.rel = 'noopener';
      env.document.body.append(link);
      link.click();
      link.remove();
    } finally {
      // Revoked after the click has started the download.
      setTimeout(() => env.revokeObjectUrl(url), 0);
    }
    // The browser does not reveal where it saved the file: the name is all we know.
    return ok(name);
  },
  // Browsers offer "Save as PDF" in their print dialog; there is no other way in.
  savePageAsPdf: async () => {
    env.window.print();
    return ok(null);
  },
  openCsv: async () => {
    const file = await pickCsvFile(env.document);
    if (file === null) return ok(null);
    if (file.size > maxCsvBytes) {
      return fail(
        'The file is larger than 20 MB. Split it and import the parts.',
        'Il file supera i 20 MB. Dividilo e importa le parti.',
      );
    }
    if (/\.xlsx$/i.test(file.name)) {
      return ok({ name: file.name, text: '', bytes: new Uint8Array(await file.arrayBuffer()) });
    }
    const text = await file.text();
    return ok({ name: file.name, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text });
  },
  print: async () => {
    env.window.print();
    return ok(undefined);
  },
  appVersion: async () =>
    typeof __FAIRLEAD_VERSION__ === 'string' ? __FAIRLEAD_VERSION__ : 'development',
  updateStatus: async () => ({
    state: 'unsupported',
    reason: 'The web version updates itself: reload the page to get the latest.',
  }),
  openExternal: async (url) => {
    if (!isWebLink(url)) {
      return fail(
        'Only web links (http or https) can be opened.',
        'Si possono aprire solo collegamenti web (http o https).',
      );
    }
    env.window.open(url, '_blank', 'noopener,noreferrer');
    return ok(undefined);
  },
});

/** The browser platform over the page's own globals. */
export const createDefaultBrowserPlatform = (): Platform =>
  createBrowserPlatform({
    storage: window.localStorage,
    document,
    window,
    createObjectUrl: (blob) => URL.createObjectURL(blob),
    revokeObjectUrl: (url) => URL.revokeObjectURL(url),
  });
