// Native file dialogs: save a PDF, e-invoice XML or CSV, save the current view as PDF, open a CSV, print.
// The renderer never sees or chooses a path itself: the user picks it in the OS dialog.
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BrowserWindow, dialog } from 'electron';
import type { FileFilter, OpenDialogOptions, SaveDialogOptions, WebContents } from 'electron';
import type {
  IpcResult,
  OpenedCsv,
  SaveFileKind,
  SaveFileRequest,
} from '../../../shared/ipc/channels';
import { ipcFail, ipcOk } from '../../../shared/ipc/contract';

export const maxCsvBytes = 20 * 1024 * 1024;

const filters: Record<SaveFileKind, FileFilter[]> = {
  pdf: [{ name: 'PDF', extensions: ['pdf'] }],
  csv: [{ name: 'CSV', extensions: ['csv'] }],
  xml: [{ name: 'XML', extensions: ['xml'] }],
};

const ioError = (): IpcResult<never> =>
  ipcFail(
    'io-error',
    'The file could not be read or written. Check the folder and try again.',
    'Non è stato possibile leggere o scrivere il file. Controlla la cartella e riprova.',
  );

/** The chosen path, with the expected extension added when the user left it out. */
export const withExtension = (filePath: string, kind: SaveFileKind): string =>
  path.extname(filePath).toLowerCase() === `.${kind}` ? filePath : `${filePath}.${kind}`;

const askSavePath = async (
  sender: WebContents,
  suggestedName: string,
  kind: SaveFileKind,
): Promise<string | null> => {
  const options: SaveDialogOptions = {
    defaultPath: withExtension(suggestedName, kind),
    filters: [...filters[kind]],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const owner = BrowserWindow.fromWebContents(sender);
  const result =
    owner === null
      ? await dialog.showSaveDialog(options)
      : await dialog.showSaveDialog(owner, options);
  if (result.canceled || result.filePath === undefined || result.filePath === '') return null;
  return withExtension(result.filePath, kind);
};

export const saveFile = async (
  request: SaveFileRequest,
  sender: WebContents,
): Promise<IpcResult<string | null>> => {
  const target = await askSavePath(sender, request.suggestedName, request.kind);
  if (target === null) return ipcOk(null);
  try {
    await writeFile(target, request.content);
    return ipcOk(target);
  } catch {
    return ioError();
  }
};

export const savePageAsPdf = async (
  suggestedName: string,
  sender: WebContents,
): Promise<IpcResult<string | null>> => {
  const target = await askSavePath(sender, suggestedName, 'pdf');
  if (target === null) return ipcOk(null);
  try {
    const pdf = await sender.printToPDF({ printBackground: true, pageSize: 'A4' });
    await writeFile(target, pdf);
    return ipcOk(target);
  } catch {
    return ioError();
  }
};

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

export const openCsv = async (sender: WebContents): Promise<IpcResult<OpenedCsv | null>> => {
  const options: OpenDialogOptions = {
    properties: ['openFile'],
    // Lead imports take attendee lists (CSV, Excel) and contact cards (vCard) alike.
    filters: [
      { name: 'CSV, Excel, vCard', extensions: ['csv', 'xlsx', 'vcf'] },
      { name: 'Text', extensions: ['txt'] },
    ],
  };
  const owner = BrowserWindow.fromWebContents(sender);
  const result =
    owner === null
      ? await dialog.showOpenDialog(options)
      : await dialog.showOpenDialog(owner, options);
  const chosen = result.filePaths[0];
  if (result.canceled || chosen === undefined) return ipcOk(null);
  try {
    const info = await stat(chosen);
    if (!info.isFile()) return ioError();
    if (info.size > maxCsvBytes) {
      return ipcFail(
        'file-too-large',
        'The file is larger than 20 MB. Split it and import the parts.',
        'Il file supera i 20 MB. Dividilo e importa le parti.',
      );
    }
    if (/\.xlsx$/i.test(chosen)) {
      const bytes = new Uint8Array(await readFile(chosen));
      return ipcOk({ name: path.basename(chosen), text: '', bytes });
    }
    const text = stripBom(await readFile(chosen, 'utf8'));
    return ipcOk({ name: path.basename(chosen), text });
  } catch {
    return ioError();
  }
};

export const printPage = (sender: WebContents): Promise<IpcResult<null>> =>
  new Promise((resolve) => {
    sender.print({ silent: false, printBackground: true }, (success, reason) => {
      // Canceling the print dialog is the user's choice, not an error.
      if (success || reason === 'cancelled') resolve(ipcOk(null));
      else
        resolve(
          ipcFail('io-error', `Printing failed (${reason}).`, `Stampa non riuscita (${reason}).`),
        );
    });
  });
