// Main process entry: secure defaults first, then the window. See DESIGN.md §5 and the
// Electron security checklist; each policy lives in security/ with its own tests.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserWindow } from 'electron';
import { Menu, app, dialog, session } from 'electron';
import { readFileSync } from 'node:fs';
import electronUpdater from 'electron-updater';
import type { Locale } from '../../shared/domain/errors';
import { ipcEvents } from '../../shared/ipc/channels';
import type { RecordLink } from '../../shared/platform';
import { deepLinkScheme, findDeepLinkInArgv, parseDeepLink } from './deep-links';
import { createIpcHandlers } from './ipc/handlers';
import { printPage, savePageAsPdf } from './ipc/files';
import { registerIpcHandlers } from './ipc/register';
import { createInstallationStore } from './ipc/installation';
import { createSecretStore } from './ipc/secrets';
import { buildMenuTemplate, menuLocale } from './menu';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { appEntryUrl, appOrigin } from './security/app-protocol';
import { buildCsp } from './security/csp';
import { openExternalSafely } from './security/external-links';
import { confirmLeavingWith } from './security/leave-app';
import { hardenWebContents } from './security/navigation';
import { openSyncServerStore } from './security/sync-server';
import { applyPermissionPolicy } from './security/permissions';
import { feedUrlOf, trackUpdates, updateCheckIntervalMs } from './updater';
import { createMainWindow, focusWindow } from './windows';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererRoot = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');

// electron-vite's dev server, only in an unpackaged development run.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const devServerOrigin = devServerUrl === undefined ? undefined : new URL(devServerUrl).origin;
const trustedOrigins = devServerOrigin === undefined ? [appOrigin] : [appOrigin, devServerOrigin];
const entryUrl = devServerUrl ?? appEntryUrl;

let mainWindow: BrowserWindow | null = null;
let uiLocale: Locale = menuLocale(app.getLocale());
const confirmLeaving = confirmLeavingWith(
  (window, options) =>
    window === null ? dialog.showMessageBox(options) : dialog.showMessageBox(window, options),
  () => mainWindow,
  () => uiLocale,
);
const openInBrowser = (url: unknown): Promise<boolean> => openExternalSafely(url, confirmLeaving);

/** The update address electron-builder baked into the packaged app, if any. */
const packagedFeedUrl = (): string | undefined => {
  if (!app.isPackaged) return undefined;
  try {
    return feedUrlOf(readFileSync(path.join(process.resourcesPath, 'app-update.yml'), 'utf8'));
  } catch {
    return undefined;
  }
};
// A link that arrived before the window could take it (cold start, macOS open-url).
let pendingLink: RecordLink | null = findDeepLinkInArgv(process.argv);

const deliverLink = (link: RecordLink): void => {
  const window = mainWindow;
  if (window === null || window.webContents.isLoading()) {
    pendingLink = link;
    return;
  }
  window.webContents.send(ipcEvents.openRecord, link);
  focusWindow(window);
};

registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // fairlead:// links only ever open a record: parseDeepLink accepts <record type>/<uuid>.
  app.setAsDefaultProtocolClient(deepLinkScheme); // eng-disable PROTOCOL_HANDLER_JS_CHECK

  app.on('second-instance', (_event, argv) => {
    const link = findDeepLinkInArgv(argv);
    if (link !== null) deliverLink(link);
    else if (mainWindow !== null) focusWindow(mainWindow);
  });

  app.on('open-url', (event, url) => {
    event.preventDefault();
    const link = parseDeepLink(url);
    if (link !== null) deliverLink(link);
  });

  // Every webContents, present or future, gets the navigation and new-window policy.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, trustedOrigins, (url) => void openInBrowser(url));
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => start());
}

const start = async (): Promise<void> => {
  // The renderer connects only to the sync server the seller named at sign-in (or the one
  // the installation was configured with), never to any http(s) host.
  const syncServer = await openSyncServerStore(
    path.join(app.getPath('userData'), 'sync-server.json'),
    process.env['FAIRLEAD_SYNC_SERVER'],
  );
  const cspNow = (): string => {
    const trusted = syncServer.current();
    return buildCsp({
      connectSources: trusted === null ? [] : [trusted],
      ...(devServerOrigin === undefined ? {} : { devServerOrigin }),
    });
  };
  serveAppProtocol(rendererRoot, cspNow);
  applyPermissionPolicy(session.defaultSession, trustedOrigins);
  // The dev server's pages get the same policy as app:// pages.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    // The CSP is built and tested in security/csp.ts, so a scanner cannot read it here.
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [cspNow()] }, // eng-disable CSP_GLOBAL_CHECK
    });
  });

  const updates = trackUpdates(electronUpdater.autoUpdater, {
    isPackaged: app.isPackaged,
    platform: process.platform,
    appImage: process.env['APPIMAGE'],
    feedUrl: packagedFeedUrl(),
  });

  const setMenu = (locale: Locale): void => {
    uiLocale = locale;
    const withWindow = (action: (window: BrowserWindow) => void) => () => {
      if (mainWindow !== null) action(mainWindow);
    };
    const template = buildMenuTemplate({
      locale,
      platform: process.platform,
      development: !app.isPackaged,
      actions: {
        print: withWindow((window) => void printPage(window.webContents)),
        savePdf: withWindow((window) => void savePageAsPdf('Fairlead.pdf', window.webContents)),
        checkForUpdates: () => void updates.check(),
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  setMenu(menuLocale(app.getLocale()));

  registerIpcHandlers(
    createIpcHandlers({
      secrets: createSecretStore(
        path.join(app.getPath('userData'), 'secrets.json'),
        process.platform,
      ),
      appVersion: () => app.getVersion(),
      updateStatus: () => updates.status(),
      openInBrowser,
      setLanguage: setMenu,
      installation: createInstallationStore(
        path.join(app.getPath('userData'), 'installation.json'),
      ),
      trustSyncServer: async (url) => {
        const trusted = await syncServer.trust(url);
        if (trusted === null) return null;
        // A new policy applies to a new page: reload once the answer is on its way.
        if (trusted.changed) setTimeout(() => mainWindow?.webContents.reload(), 100);
        return { origin: trusted.origin, reloading: trusted.changed };
      },
    }),
    trustedOrigins,
  );

  mainWindow = createMainWindow({ preloadPath, entryUrl, devTools: !app.isPackaged });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  mainWindow.webContents.on('did-finish-load', () => {
    const link = pendingLink;
    pendingLink = null;
    if (link !== null) deliverLink(link);
  });

  void updates.check();
  setInterval(() => void updates.check(), updateCheckIntervalMs);
};
