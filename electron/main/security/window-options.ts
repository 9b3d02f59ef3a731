// Hardened BrowserWindow options (Electron security checklist items 2-4, 6, 8, 9, 11).
import type { BrowserWindowConstructorOptions } from 'electron';

export type MainWindowInput = {
  readonly preloadPath: string;
  readonly title: string;
  readonly iconPath?: string;
};

export const mainWindowOptions = (input: MainWindowInput): BrowserWindowConstructorOptions => ({
  title: input.title,
  width: 1280,
  height: 820,
  minWidth: 900,
  minHeight: 600,
  // Shown on 'ready-to-show' so the user never sees a blank frame.
  show: false,
  backgroundColor: '#ffffff',
  ...(input.iconPath === undefined ? {} : { icon: input.iconPath }),
  webPreferences: {
    preload: input.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
    // Middle-click opens links in new windows through a path setWindowOpenHandler may miss.
    disableBlinkFeatures: 'Auxclick',
  },
});
