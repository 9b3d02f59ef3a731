// The Platform over the preload bridge (`window.fairlead`, see electron/preload). The bridge's
// type comes from shared/ipc/channels.ts, so renderer and preload cannot drift apart.
import type { FairleadBridge, IpcResult } from '../../shared/ipc/channels';
import type { Platform, PlatformResult } from '../../shared/platform';
import { localize } from './messages';

/** The bridge the preload exposed, or undefined outside Electron. */
export const findBridge = (): FairleadBridge | undefined =>
  typeof window === 'undefined'
    ? undefined
    : (window as Window & { fairlead?: FairleadBridge }).fairlead;

const toResult = <T>(result: IpcResult<T>): PlatformResult<T> =>
  result.ok ? result : { ok: false, error: localize(result.error.message) };

const toVoid = (result: IpcResult<null>): PlatformResult<void> =>
  result.ok ? { ok: true, value: undefined } : toResult(result);

export const createElectronPlatform = (bridge: FairleadBridge): Platform => ({
  kind: 'electron',
  setSecret: async (key, value) => toVoid(await bridge.setSecret({ key, value })),
  getSecret: async (key) => toResult(await bridge.getSecret({ key })),
  deleteSecret: async (key) => toVoid(await bridge.deleteSecret({ key })),
  secretStorageStatus: async () => {
    const result = await bridge.secretStorageStatus();
    return result.ok ? result.value : { available: false, backend: 'unknown' };
  },
  saveFile: async (request) => toResult(await bridge.saveFile(request)),
  savePageAsPdf: async (suggestedName) => toResult(await bridge.savePageAsPdf({ suggestedName })),
  openCsv: async () => toResult(await bridge.openCsv()),
  print: async () => toVoid(await bridge.print()),
  appVersion: async () => {
    const result = await bridge.appVersion();
    return result.ok ? result.value : 'unknown';
  },
  updateStatus: async () => {
    const result = await bridge.updateStatus();
    return result.ok ? result.value : { state: 'error', message: localize(result.error.message) };
  },
  openExternal: async (url) => toVoid(await bridge.openExternal({ url })),
  onOpenRecord: (listener) => bridge.onOpenRecord(listener),
  setLanguage: async (language) => toVoid(await bridge.setLanguage({ language })),
  keepInstallationId: async (proposed) => toResult(await bridge.keepInstallationId({ proposed })),
  trustSyncServer: async (url) => toResult(await bridge.trustSyncServer({ url })),
});
