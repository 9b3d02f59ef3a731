// getPlatform(): the Electron implementation when the preload bridge is present, otherwise
// the browser one. Chosen once per page.
import type { Platform } from '../../shared/platform';
import { createDefaultBrowserPlatform } from './browser-platform';
import { createElectronPlatform, findBridge } from './electron-platform';

let platform: Platform | null = null;

export const getPlatform = (): Platform => {
  if (platform === null) {
    const bridge = findBridge();
    platform =
      bridge === undefined ? createDefaultBrowserPlatform() : createElectronPlatform(bridge);
  }
  return platform;
};

export { createBrowserPlatform } from './browser-platform';
export { createElectronPlatform } from './electron-platform';
