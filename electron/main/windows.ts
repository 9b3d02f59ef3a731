// The one main window. All hardening lives in security/; this file only assembles it.
import type { BrowserWindow } from 'electron';
import { createSecureWindow } from './security/window-options';

export type MainWindowConfig = {
  readonly preloadPath: string;
  readonly entryUrl: string;
  readonly iconPath?: string;
  readonly devTools: boolean;
};

export const createMainWindow = (config: MainWindowConfig): BrowserWindow => {
  const window = createSecureWindow({
    preloadPath: config.preloadPath,
    title: 'Fairlead',
    devTools: config.devTools,
    ...(config.iconPath === undefined ? {} : { iconPath: config.iconPath }),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(config.entryUrl);
  return window;
};

export const focusWindow = (window: BrowserWindow): void => {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
};
