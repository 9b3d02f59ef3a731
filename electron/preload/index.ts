// The preload: the only bridge between the page and the main process. It exposes named
// functions (FairleadBridge) and nothing else: no ipcRenderer, no channel names, no Node.
// Built as CommonJS, since a sandboxed preload cannot load ES modules.
import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannels, ipcEvents } from '../../shared/ipc/channels';
import type { FairleadBridge, IpcResult } from '../../shared/ipc/channels';
import type { RecordLink } from '../../shared/platform';

const invoke = <T>(channel: string, payload: unknown = null): Promise<IpcResult<T>> =>
  ipcRenderer.invoke(channel, payload) as Promise<IpcResult<T>>;

// Links that arrive before the UI subscribes are kept until it does.
const recordListeners = new Set<(link: RecordLink) => void>();
let pendingLinks: RecordLink[] = [];
ipcRenderer.on(ipcEvents.openRecord, (_event, link: RecordLink) => {
  if (recordListeners.size === 0) pendingLinks.push(link);
  else for (const listener of recordListeners) listener(link);
});

const bridge = {
  setSecret: (request) => invoke(ipcChannels.setSecret, request),
  getSecret: (request) => invoke(ipcChannels.getSecret, request),
  deleteSecret: (request) => invoke(ipcChannels.deleteSecret, request),
  secretStorageStatus: () => invoke(ipcChannels.secretStorageStatus),
  saveFile: (request) => invoke(ipcChannels.saveFile, request),
  savePageAsPdf: (request) => invoke(ipcChannels.savePageAsPdf, request),
  openCsv: () => invoke(ipcChannels.openCsv),
  print: () => invoke(ipcChannels.print),
  appVersion: () => invoke(ipcChannels.appVersion),
  updateStatus: () => invoke(ipcChannels.updateStatus),
  openExternal: (request) => invoke(ipcChannels.openExternal, request),
  setLanguage: (request) => invoke(ipcChannels.setLanguage, request),
  keepInstallationId: (request) => invoke(ipcChannels.keepInstallationId, request),
  trustSyncServer: (request) => invoke(ipcChannels.trustSyncServer, request),
  onOpenRecord: (listener) => {
    recordListeners.add(listener);
    const waiting = pendingLinks;
    pendingLinks = [];
    for (const link of waiting) listener(link);
    return () => {
      recordListeners.delete(listener);
    };
  },
} satisfies FairleadBridge;

contextBridge.exposeInMainWorld('fairlead', bridge);

export type { FairleadBridge };
