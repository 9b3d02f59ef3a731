import { describe, expect, it, vi } from 'vitest';
import type { FairleadBridge, IpcResult } from '../../shared/ipc/channels';
import { createElectronPlatform } from './electron-platform';

const okValue = <T>(value: T): Promise<IpcResult<T>> => Promise.resolve({ ok: true, value });
const refused: IpcResult<never> = {
  ok: false,
  error: {
    code: 'secret-storage-unavailable',
    message: { en: 'No secure keyring.', it: 'Nessun portachiavi sicuro.' },
  },
};

const fakeBridge = (overrides: Partial<FairleadBridge> = {}): FairleadBridge => ({
  setSecret: vi.fn(() => okValue(null)),
  getSecret: vi.fn(() => okValue('tok')),
  deleteSecret: vi.fn(() => okValue(null)),
  secretStorageStatus: vi.fn(() => okValue({ available: true, backend: 'keychain' })),
  saveFile: vi.fn(() => okValue('/home/anna/leads.csv')),
  savePageAsPdf: vi.fn(() => okValue(null)),
  openCsv: vi.fn(() => okValue({ name: 'a.csv', text: 'x' })),
  print: vi.fn(() => okValue(null)),
  appVersion: vi.fn(() => okValue('0.1.0')),
  updateStatus: vi.fn(() => okValue({ state: 'idle' as const })),
  openExternal: vi.fn(() => okValue(null)),
  setLanguage: vi.fn(() => okValue(null)),
  keepInstallationId: vi.fn(() => okValue('a1b2c3d4e5f60718293a4b5c6d7e8f90')),
  trustSyncServer: vi.fn(() => okValue({ origin: 'https://sync.example.it', reloading: false })),
  onOpenRecord: vi.fn(() => () => undefined),
  ...overrides,
});

describe('createElectronPlatform', () => {
  it('passes requests to the bridge as named objects and unwraps answers', async () => {
    const bridge = fakeBridge();
    const platform = createElectronPlatform(bridge);
    expect(platform.kind).toBe('electron');
    expect(await platform.setSecret('fairlead.session.token', 'tok')).toEqual({
      ok: true,
      value: undefined,
    });
    expect(bridge.setSecret).toHaveBeenCalledWith({ key: 'fairlead.session.token', value: 'tok' });
    expect(await platform.getSecret('fairlead.session.token')).toEqual({ ok: true, value: 'tok' });
    expect(await platform.saveFile({ suggestedName: 'leads', kind: 'csv', content: 'x' })).toEqual({
      ok: true,
      value: '/home/anna/leads.csv',
    });
    expect(await platform.appVersion()).toBe('0.1.0');
    expect(await platform.updateStatus()).toEqual({ state: 'idle' });
    expect(await platform.secretStorageStatus()).toEqual({ available: true, backend: 'keychain' });
    await platform.savePageAsPdf('Quote');
    expect(bridge.savePageAsPdf).toHaveBeenCalledWith({ suggestedName: 'Quote' });
    await platform.openExternal('https://example.com');
    expect(bridge.openExternal).toHaveBeenCalledWith({ url: 'https://example.com' });
    await platform.setLanguage?.('it');
    expect(bridge.setLanguage).toHaveBeenCalledWith({ language: 'it' });
    expect(await platform.keepInstallationId?.('ffffffffffffffffffffffffffffffff')).toEqual({
      ok: true,
      value: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    });
    expect(bridge.keepInstallationId).toHaveBeenCalledWith({
      proposed: 'ffffffffffffffffffffffffffffffff',
    });
  });

  it('turns refusals into plain-words errors', async () => {
    const platform = createElectronPlatform(
      fakeBridge({
        setSecret: vi.fn(() => Promise.resolve(refused)),
        secretStorageStatus: vi.fn(() => Promise.resolve(refused)),
        updateStatus: vi.fn(() => Promise.resolve(refused)),
        appVersion: vi.fn(() => Promise.resolve(refused)),
      }),
    );
    expect(await platform.setSecret('k', 'v')).toEqual({ ok: false, error: 'No secure keyring.' });
    expect(await platform.secretStorageStatus()).toEqual({ available: false, backend: 'unknown' });
    expect(await platform.updateStatus()).toEqual({
      state: 'error',
      message: 'No secure keyring.',
    });
    expect(await platform.appVersion()).toBe('unknown');
  });

  it('hands deep-link subscriptions to the bridge', () => {
    const unsubscribe = vi.fn();
    const bridge = fakeBridge({ onOpenRecord: vi.fn(() => unsubscribe) });
    const listener = vi.fn();
    const stop = createElectronPlatform(bridge).onOpenRecord?.(listener);
    expect(bridge.onOpenRecord).toHaveBeenCalledWith(listener);
    stop?.();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });
});
