// The device's installation id: random, made at the first start and kept for good, since the
// server registers the device (and its numbering series) by it. It lives in the local
// documents of a small device-wide store (the users' stores open only after sign-in), and
// in the desktop app also with the main process, which survives a wipe of this storage.
import type { RxDatabase, RxStorage } from 'rxdb';
import { addRxPlugin, createRxDatabase } from 'rxdb';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { deviceDexieStorage } from './dexie-storage';
import type { Platform } from '../../shared/platform';
import { installationIdPattern } from '../../shared/sync/protocol';

export const DEVICE_STORE_NAME = 'fairlead_device';
const INSTALLATION_DOC = 'installation';

type InstallationDoc = { installationId: string };

/** 128 random bits as hex; getRandomValues works where randomUUID does not (plain http). */
export const newInstallationId = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');

const openDeviceStore = async (storage?: RxStorage<unknown, unknown>): Promise<RxDatabase> => {
  addRxPlugin(RxDBLeaderElectionPlugin);
  addRxPlugin(RxDBLocalDocumentsPlugin);
  return createRxDatabase({
    name: DEVICE_STORE_NAME,
    storage: storage ?? deviceDexieStorage(),
    multiInstance: storage === undefined,
    localDocuments: true,
    closeDuplicates: true,
  });
};

/**
 * The installation id, made on the first call and the same on every later one. The main
 * process's copy wins when there is one, so a renderer whose storage was cleared gets its
 * old id back (and its old series from the server).
 */
export const ensureInstallationId = async (
  platform: Pick<Platform, 'keepInstallationId'>,
  options: { storage?: RxStorage<unknown, unknown> } = {},
): Promise<string> => {
  const db = await openDeviceStore(options.storage);
  try {
    const saved = (await db.getLocal<InstallationDoc>(INSTALLATION_DOC))?.get('installationId');
    const local = typeof saved === 'string' && installationIdPattern.test(saved) ? saved : null;
    let id = local ?? newInstallationId();
    const kept = await platform.keepInstallationId?.(id);
    if (kept?.ok === true && installationIdPattern.test(kept.value)) id = kept.value;
    if (local !== id)
      await db.upsertLocal<InstallationDoc>(INSTALLATION_DOC, { installationId: id });
    return id;
  } finally {
    await db.close();
  }
};
