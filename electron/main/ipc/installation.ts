// The device's installation id, kept by the main process in the user data folder, apart from
// the renderer's IndexedDB: clearing the renderer's data (or its store) keeps the device, so
// the server keeps its numbering series. The renderer proposes an id; the first one is kept.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { IpcResult } from '../../../shared/ipc/channels';
import { ipcFail, ipcOk } from '../../../shared/ipc/contract';
import { installationIdPattern } from '../../../shared/sync/protocol';

type InstallationFile = { version: 1; installationId: string };

export type InstallationStore = {
  /** The kept id; `proposed` becomes it when none is kept yet. */
  keep(proposed: string): Promise<IpcResult<string>>;
};

const ioError = (): IpcResult<never> =>
  ipcFail(
    'io-error',
    'Fairlead could not read or write the identity of this computer.',
    'Fairlead non è riuscito a leggere o scrivere l’identità di questo computer.',
  );

const readKept = async (filePath: string): Promise<string | null> => {
  try {
    const parsed = JSON.parse(await readFile(filePath, 'utf8')) as Partial<InstallationFile>;
    const id = parsed.installationId;
    return parsed.version === 1 && typeof id === 'string' && installationIdPattern.test(id)
      ? id
      : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // A damaged file holds nothing usable: the renderer's id is kept instead.
    if (error instanceof SyntaxError) return null;
    throw error;
  }
};

/** filePath: e.g. <userData>/installation.json. */
export const createInstallationStore = (filePath: string): InstallationStore => {
  // Calls are chained, so two windows starting at once keep one id.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    keep: (proposed) =>
      serialized(async () => {
        try {
          const kept = await readKept(filePath);
          if (kept !== null) return ipcOk(kept);
          await mkdir(path.dirname(filePath), { recursive: true });
          const temp = `${filePath}.${process.pid}.tmp`;
          const file: InstallationFile = { version: 1, installationId: proposed };
          await writeFile(temp, JSON.stringify(file), { mode: 0o600 });
          await rename(temp, filePath);
          return ipcOk(proposed);
        } catch {
          return ioError();
        }
      }),
  };
};
