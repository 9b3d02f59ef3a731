import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(readonly options: BrowserWindowConstructorOptions) {}
  },
}));

const { createSecureWindow } = await import('./window-options');

const optionsOf = (window: unknown): BrowserWindowConstructorOptions =>
  (window as { options: BrowserWindowConstructorOptions }).options;

describe('createSecureWindow', () => {
  const options = optionsOf(
    createSecureWindow({
      preloadPath: '/app/out/preload/index.cjs',
      title: 'Fairlead',
      devTools: false,
    }),
  );
  const prefs = options.webPreferences ?? {};

  it('isolates the page from Node and Electron', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and risky features off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('has no DevTools in a packaged build, and only then', () => {
    expect(prefs.devTools).toBe(false);
    const dev = createSecureWindow({ preloadPath: 'p', title: 't', devTools: true });
    expect(optionsOf(dev).webPreferences?.devTools).toBe(true);
  });

  it('loads the given preload and waits for ready-to-show', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(options.show).toBe(false);
    expect(options.icon).toBeUndefined();
    const withIcon = createSecureWindow({
      preloadPath: 'p',
      title: 't',
      iconPath: '/i.png',
      devTools: false,
    });
    expect(optionsOf(withIcon).icon).toBe('/i.png');
  });
});
