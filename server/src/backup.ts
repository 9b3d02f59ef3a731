// Backup (admin CLI): the whole office as one JSON file, the same for both adapters.
import { writeFileSync } from 'node:fs';
import { syncCollections } from '../../shared/sync/protocol';
import type { Storage } from './storage/types';

export const exportBackup = async (
  storage: Storage,
  file: string,
): Promise<{ documents: number }> => {
  const devices = await storage.listDevices();
  const documents = Object.fromEntries(
    await Promise.all(syncCollections.map(async (c) => [c, await storage.allDocs(c)] as const)),
  );
  const backup = {
    format: 'fairlead-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    storage: storage.kind,
    teams: await storage.listTeams(),
    // Password hashes are kept so a restore signs everyone in as before; the file is private.
    users: await storage.listUsers(),
    devices: await Promise.all(
      devices.map(async (d) => ({ ...d, lastNumbers: await storage.highWater(d.series) })),
    ),
    documents,
  };
  writeFileSync(file, JSON.stringify(backup), { mode: 0o600 });
  return { documents: Object.values(documents).reduce((n, docs) => n + docs.length, 0) };
};
