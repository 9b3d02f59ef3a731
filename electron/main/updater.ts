// Auto-update from a generic provider the office hosts (any static web server, or the sync
// server): electron-builder bakes its URL into app-update.yml at packaging time. This module
// tracks the status shown in the UI; the updater itself is passed in so tests need no binary.
import type { UpdateStatus } from '../../shared/platform';

/** The part of electron-updater's AppUpdater used here. */
export type AppUpdaterLike = {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  on(event: 'checking-for-update', listener: () => void): unknown;
  on(event: 'update-available', listener: (info: { version: string }) => void): unknown;
  on(event: 'update-not-available', listener: () => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
};

export type UpdaterEnvironment = {
  readonly isPackaged: boolean;
  readonly platform: NodeJS.Platform;
  /** Set by the AppImage runtime; absent when installed from a .deb. */
  readonly appImage: string | undefined;
  /** The update address baked into app-update.yml at packaging (undefined: none found). */
  readonly feedUrl?: string | undefined;
};

/** The `url:` of electron-builder's app-update.yml (generic provider), or undefined. */
export const feedUrlOf = (appUpdateYml: string): string | undefined => {
  const match = /^url:\s*['"]?([^'"\s]+)['"]?\s*$/m.exec(appUpdateYml);
  return match?.[1];
};

/** Why this installation cannot update itself, or null when it can. */
export const updateUnsupportedReason = (env: UpdaterEnvironment): string | null => {
  if (!env.isPackaged) return 'Updates are installed only in the packaged app.';
  if (env.platform === 'linux' && (env.appImage === undefined || env.appImage === '')) {
    return 'Installed from a system package: update it with the system package manager.';
  }
  // An update is code the app will run: it must come over https, never plain http.
  if (env.feedUrl !== undefined && !env.feedUrl.startsWith('https://')) {
    return `Updates are refused: the update address ${env.feedUrl} does not use https.`;
  }
  return null;
};

export type UpdateTracker = {
  status(): UpdateStatus;
  check(): Promise<void>;
};

// Four hours: a seller's laptop is often offline; a missed check just waits for the next.
export const updateCheckIntervalMs = 4 * 60 * 60 * 1000;

export const trackUpdates = (updater: AppUpdaterLike, env: UpdaterEnvironment): UpdateTracker => {
  const reason = updateUnsupportedReason(env);
  if (reason !== null) {
    const unsupported: UpdateStatus = { state: 'unsupported', reason };
    return { status: () => unsupported, check: async () => undefined };
  }
  let current: UpdateStatus = { state: 'idle' };
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.on('checking-for-update', () => {
    // A downloaded update stays ready until the app restarts.
    if (current.state !== 'ready') current = { state: 'checking' };
  });
  updater.on('update-available', (info) => {
    current = { state: 'available', version: info.version };
  });
  updater.on('update-not-available', () => {
    if (current.state !== 'ready') current = { state: 'idle' };
  });
  updater.on('download-progress', (progress) => {
    current = { state: 'downloading', percent: Math.max(0, Math.min(100, progress.percent)) };
  });
  updater.on('update-downloaded', (info) => {
    current = { state: 'ready', version: info.version };
  });
  updater.on('error', (error) => {
    // Offline is the normal case at a fair: report it plainly and keep going.
    if (current.state !== 'ready') current = { state: 'error', message: error.message };
  });
  return {
    status: () => current,
    check: async () => {
      try {
        await updater.checkForUpdates();
      } catch {
        // Already reported through the 'error' event.
      }
    },
  };
};
