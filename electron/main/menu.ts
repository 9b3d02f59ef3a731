// The application menu in Italian and English, following the UI language (or the OS locale
// until the UI tells us).
import type { MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../shared/domain/errors';

export const menuLocale = (osLocale: string): Locale =>
  osLocale.toLowerCase().startsWith('it') ? 'it' : 'en';

const labels = {
  en: {
    file: 'File',
    print: 'Print…',
    savePdf: 'Save as PDF…',
    quit: 'Quit',
    close: 'Close',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    devTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen',
    window: 'Window',
    minimize: 'Minimize',
    help: 'Help',
    checkUpdates: 'Check for Updates',
    about: 'About Fairlead',
    hide: 'Hide Fairlead',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
  },
  it: {
    file: 'File',
    print: 'Stampa…',
    savePdf: 'Salva come PDF…',
    quit: 'Esci',
    close: 'Chiudi',
    edit: 'Modifica',
    undo: 'Annulla',
    redo: 'Ripeti',
    cut: 'Taglia',
    copy: 'Copia',
    paste: 'Incolla',
    selectAll: 'Seleziona tutto',
    view: 'Visualizza',
    reload: 'Ricarica',
    devTools: 'Strumenti per sviluppatori',
    resetZoom: 'Dimensioni reali',
    zoomIn: 'Ingrandisci',
    zoomOut: 'Riduci',
    fullScreen: 'Schermo intero',
    window: 'Finestra',
    minimize: 'Riduci a icona',
    help: 'Aiuto',
    checkUpdates: 'Verifica aggiornamenti',
    about: 'Informazioni su Fairlead',
    hide: 'Nascondi Fairlead',
    hideOthers: 'Nascondi altre',
    unhide: 'Mostra tutte',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type MenuLabels = (typeof labels)[Locale];
export const menuLabels = (locale: Locale): MenuLabels => labels[locale];

export type MenuActions = {
  readonly print: () => void;
  readonly savePdf: () => void;
  readonly checkForUpdates: () => void;
};

export type MenuOptions = {
  readonly locale: Locale;
  readonly platform: NodeJS.Platform;
  /** Developer tools and reload only in development builds. */
  readonly development: boolean;
  readonly actions: MenuActions;
};

export const buildMenuTemplate = (options: MenuOptions): MenuItemConstructorOptions[] => {
  const t = labels[options.locale];
  const mac = options.platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: 'Fairlead',
          submenu: [
            { role: 'about', label: t.about },
            { type: 'separator' },
            { role: 'hide', label: t.hide },
            { role: 'hideOthers', label: t.hideOthers },
            { role: 'unhide', label: t.unhide },
            { type: 'separator' },
            { role: 'quit', label: t.quit },
          ],
        },
      ]
    : [];
  const devItems: MenuItemConstructorOptions[] = options.development
    ? [
        { role: 'reload', label: t.reload },
        { role: 'toggleDevTools', label: t.devTools },
      ]
    : [];
  return [
    ...appMenu,
    {
      label: t.file,
      submenu: [
        { label: t.print, accelerator: 'CmdOrCtrl+P', click: () => options.actions.print() },
        { label: t.savePdf, click: () => options.actions.savePdf() },
        { type: 'separator' },
        mac ? { role: 'close', label: t.close } : { role: 'quit', label: t.quit },
      ],
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    {
      label: t.view,
      submenu: [
        ...devItems,
        { role: 'resetZoom', label: t.resetZoom },
        { role: 'zoomIn', label: t.zoomIn },
        { role: 'zoomOut', label: t.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t.fullScreen },
      ],
    },
    {
      label: t.window,
      submenu: [
        { role: 'minimize', label: t.minimize },
        { role: 'close', label: t.close },
      ],
    },
    {
      label: t.help,
      submenu: [
        { label: t.checkUpdates, click: () => options.actions.checkForUpdates() },
        ...(mac ? [] : [{ role: 'about', label: t.about } as MenuItemConstructorOptions]),
      ],
    },
  ];
};
