// One handler per IPC channel. Handlers receive an already-validated request; validation and
// the sender check happen once, in register.ts.
import type { WebContents } from 'electron';
import type {
  IpcChannelKey,
  IpcResult,
  IpcSignatures,
  TrustedSyncServer,
} from '../../../shared/ipc/channels';
import { ipcFail, ipcOk } from '../../../shared/ipc/contract';
import type { Locale } from '../../../shared/domain/errors';
import type { UpdateStatus } from '../../../shared/platform';
import { checkExternalUrl } from '../security/external-links';
import { openCsv, printPage, saveFile, savePageAsPdf } from './files';
import type { InstallationStore } from './installation';
import type { SecretStore } from './secrets';

export type HandlerContext = { readonly sender: WebContents };

export type IpcHandler<K extends IpcChannelKey> = (
  request: IpcSignatures[K]['request'],
  context: HandlerContext,
) => Promise<IpcResult<IpcSignatures[K]['response']>>;

export type IpcHandlers = { readonly [K in IpcChannelKey]: IpcHandler<K> };

export type HandlerDependencies = {
  readonly secrets: SecretStore;
  readonly appVersion: () => string;
  readonly updateStatus: () => UpdateStatus;
  /** Opens a checked http(s) URL in the system browser (openExternalSafely in production). */
  readonly openInBrowser: (url: string) => Promise<boolean>;
  readonly setLanguage: (language: Locale) => void;
  readonly installation: InstallationStore;
  /** Trusts a sync server's origin (null: not an acceptable address). */
  readonly trustSyncServer: (url: string) => Promise<TrustedSyncServer | null>;
};

export const createIpcHandlers = (deps: HandlerDependencies): IpcHandlers => ({
  setSecret: ({ key, value }) => deps.secrets.set(key, value),
  getSecret: ({ key }) => deps.secrets.get(key),
  deleteSecret: ({ key }) => deps.secrets.delete(key),
  secretStorageStatus: async () => ipcOk(await deps.secrets.status()),
  saveFile: (request, { sender }) => saveFile(request, sender),
  savePageAsPdf: ({ suggestedName }, { sender }) => savePageAsPdf(suggestedName, sender),
  openCsv: (_request, { sender }) => openCsv(sender),
  print: (_request, { sender }) => printPage(sender),
  appVersion: async () => ipcOk(deps.appVersion()),
  updateStatus: async () => ipcOk(deps.updateStatus()),
  openExternal: async ({ url }) => {
    const checked = checkExternalUrl(url);
    if (!checked.ok) {
      return ipcFail(
        'unsafe-url',
        'Only web links (http or https) can be opened.',
        'Si possono aprire solo collegamenti web (http o https).',
      );
    }
    await deps.openInBrowser(checked.url);
    return ipcOk(null);
  },
  setLanguage: async ({ language }) => {
    deps.setLanguage(language);
    return ipcOk(null);
  },
  keepInstallationId: ({ proposed }) => deps.installation.keep(proposed),
  trustSyncServer: async ({ url }) => {
    const trusted = await deps.trustSyncServer(url).catch(() => null);
    if (trusted === null) {
      return ipcFail(
        'unsafe-url',
        'The server address must start with https:// (http:// only for a server on this computer).',
        'L’indirizzo del server deve iniziare con https:// (http:// solo per un server su questo computer).',
      );
    }
    return ipcOk(trusted);
  },
});
