// Before a link leaves the app for the system browser, the user sees where it goes and agrees
// (a crafted link in a lead's notes or an e-mail must not open a site in one click).
import type { BrowserWindow, MessageBoxOptions } from 'electron';
import type { Locale } from '../../../shared/domain/errors';
import type { ConfirmLeaving } from './external-links';

const labels = {
  en: {
    message: 'Open this link in your web browser?',
    open: 'Open in browser',
    cancel: 'Cancel',
  },
  it: {
    message: 'Aprire questo collegamento nel browser?',
    open: 'Apri nel browser',
    cancel: 'Annulla',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export const leaveAppDialog = (url: string, locale: Locale): MessageBoxOptions => ({
  type: 'question',
  buttons: [labels[locale].open, labels[locale].cancel],
  defaultId: 1,
  cancelId: 1,
  noLink: true,
  message: labels[locale].message,
  detail: url,
});

type ShowMessageBox = (
  window: BrowserWindow | null,
  options: MessageBoxOptions,
) => Promise<{ response: number }>;

/** The confirmation, shown over the main window in the UI's language. */
export const confirmLeavingWith =
  (
    show: ShowMessageBox,
    window: () => BrowserWindow | null,
    locale: () => Locale,
  ): ConfirmLeaving =>
  async (url) => {
    const { response } = await show(window(), leaveAppDialog(url, locale()));
    return response === 0;
  };
