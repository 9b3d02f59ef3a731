// IPC channel names and the bridge the preload exposes as `window.fairlead`. Kept free of
// zod so the sandboxed preload bundle stays small; the schemas live in contract.ts.
import type { Locale, LocalizedText } from '../domain/errors';
import type { RecordLink, SecretStorageStatus, UpdateStatus } from '../platform';

/** Renderer → main request channels (ipcRenderer.invoke / ipcMain.handle). */
export const ipcChannels = {
  setSecret: 'secrets:set',
  getSecret: 'secrets:get',
  deleteSecret: 'secrets:delete',
  secretStorageStatus: 'secrets:status',
  saveFile: 'files:save',
  savePageAsPdf: 'files:save-page-pdf',
  openCsv: 'files:open-csv',
  print: 'app:print',
  appVersion: 'app:version',
  updateStatus: 'updates:status',
  openExternal: 'links:open-external',
  setLanguage: 'app:set-language',
  keepInstallationId: 'device:installation-id',
  trustSyncServer: 'sync-server:trust',
} as const;

export type IpcChannelKey = keyof typeof ipcChannels;
export type IpcChannel = (typeof ipcChannels)[IpcChannelKey];

/** Main → renderer event channels (webContents.send / ipcRenderer.on). */
export const ipcEvents = { openRecord: 'deep-link:open-record' } as const;

export type IpcErrorCode =
  | 'forbidden-sender'
  | 'invalid-request'
  | 'secret-storage-unavailable'
  | 'not-found'
  | 'file-too-large'
  | 'io-error'
  | 'no-window'
  | 'unsafe-url'
  | 'internal';

export type IpcError = { readonly code: IpcErrorCode; readonly message: LocalizedText };

/** Every IPC answer: a value, or an error in plain words (Signal's sql_channel shape). */
export type IpcResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

/** What can be saved: documents (PDF, e-invoice XML) and exports (CSV). */
export type SaveFileKind = 'pdf' | 'csv' | 'xml';

export type SaveFileRequest = {
  readonly suggestedName: string;
  readonly kind: SaveFileKind;
  readonly content: string | Uint8Array;
};

// An .xlsx workbook is binary: it travels as bytes, with empty text.
export type OpenedCsv = {
  readonly name: string;
  readonly text: string;
  readonly bytes?: Uint8Array | undefined;
};

/** What each request channel takes and answers; the bridge and the handlers derive from it. */
export type IpcSignatures = {
  setSecret: { request: { key: string; value: string }; response: null };
  getSecret: { request: { key: string }; response: string | null };
  deleteSecret: { request: { key: string }; response: null };
  secretStorageStatus: { request: null; response: SecretStorageStatus };
  saveFile: { request: SaveFileRequest; response: string | null };
  savePageAsPdf: { request: { suggestedName: string }; response: string | null };
  openCsv: { request: null; response: OpenedCsv | null };
  print: { request: null; response: null };
  appVersion: { request: null; response: string };
  updateStatus: { request: null; response: UpdateStatus };
  openExternal: { request: { url: string }; response: null };
  setLanguage: { request: { language: Locale }; response: null };
  /** The installation id the main process keeps; `proposed` is kept when it has none yet. */
  keepInstallationId: { request: { proposed: string }; response: string };
  /** The one server the page may connect to (CSP); a change reloads the window. */
  trustSyncServer: { request: { url: string }; response: TrustedSyncServer };
};

export type TrustedSyncServer = { readonly origin: string; readonly reloading: boolean };

type BridgeCall<K extends IpcChannelKey> = IpcSignatures[K]['request'] extends null
  ? () => Promise<IpcResult<IpcSignatures[K]['response']>>
  : (request: IpcSignatures[K]['request']) => Promise<IpcResult<IpcSignatures[K]['response']>>;

/** The API the preload exposes on `window.fairlead`: named functions only. */
export type FairleadBridge = { readonly [K in IpcChannelKey]: BridgeCall<K> } & {
  /** Subscribes to fairlead:// links; returns the unsubscribe function. */
  readonly onOpenRecord: (listener: (link: RecordLink) => void) => () => void;
};
