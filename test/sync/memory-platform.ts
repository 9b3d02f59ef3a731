// A Platform for a device simulated in Node: secrets in memory, no dialogs.
import type { Platform, PlatformResult } from '../../shared/platform';

const unsupported = async (): Promise<PlatformResult<never>> => ({
  ok: false,
  error: 'Not available on a simulated device.',
});

export const memoryPlatform = (): Platform => {
  const secrets = new Map<string, string>();
  return {
    kind: 'browser',
    setSecret: async (key, value) => {
      secrets.set(key, value);
      return { ok: true, value: undefined };
    },
    getSecret: async (key) => ({ ok: true, value: secrets.get(key) ?? null }),
    deleteSecret: async (key) => {
      secrets.delete(key);
      return { ok: true, value: undefined };
    },
    secretStorageStatus: async () => ({ available: false, backend: 'memory' }),
    saveFile: unsupported,
    savePageAsPdf: unsupported,
    openCsv: unsupported,
    print: unsupported,
    appVersion: async () => '0.0.0-test',
    updateStatus: async () => ({ state: 'unsupported', reason: 'simulated device' }),
    openExternal: unsupported,
  };
};
