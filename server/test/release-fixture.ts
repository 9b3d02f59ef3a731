// The release-0.1.0 office (fixtures/release-0.1.0, written by write-office.ts with that
// release's code), loaded into a fresh place, and the storage-level view the tests compare.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { syncCollections } from '../../shared/sync/protocol';
import type { Storage } from '../src/storage/types';
import type { Place } from './harness';

const folder = join(import.meta.dirname, 'fixtures', 'release-0.1.0');
const psql = process.env.PSQL ?? '/usr/lib/postgresql/15/bin/psql';

type Expected = { sqlite: OfficeView; postgresHashes: string[] };
export type OfficeView = { users: { passwordHash: string }[] } & Record<string, unknown>;

/** What the release wrote; the PostgreSQL office has its own salted password hashes. */
export const expectedOffice = (adapter: 'sqlite' | 'postgres'): OfficeView => {
  const release = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as Expected;
  // Collections added after 0.1.0 (trade fairs) are empty on an upgraded office.
  const documents = {
    ...Object.fromEntries(syncCollections.map((c) => [c, []])),
    ...(release.sqlite['documents'] as Record<string, unknown>),
  };
  const expected = { ...release, sqlite: { ...release.sqlite, documents } };
  if (adapter === 'sqlite') return expected.sqlite;
  return {
    ...expected.sqlite,
    users: expected.sqlite.users.map((u, i) => ({
      ...u,
      passwordHash: expected.postgresHashes[i] ?? '',
    })),
  };
};

/** Puts the release's data folder file, or loads its dump, into an empty place. */
export const loadReleaseOffice = (place: Place): void => {
  if (place.databaseUrl) {
    execFileSync(
      psql,
      ['-q', '-v', 'ON_ERROR_STOP=1', '-d', place.databaseUrl, '-f', join(folder, 'postgres.sql')],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
  } else {
    mkdirSync(place.dataDir, { recursive: true });
    copyFileSync(join(folder, 'fairlead.sqlite'), join(place.dataDir, 'fairlead.sqlite'));
  }
};

/** The office as the storage API sees it (the same view write-office.ts recorded). */
export const viewOffice = async (storage: Storage): Promise<OfficeView> => {
  const devices = await storage.listDevices();
  return {
    teams: (await storage.listTeams()).map(({ id, name }) => ({ id, name })),
    users: (await storage.listUsers()).map(({ createdAt: _c, ...u }) => u),
    devices: await Promise.all(
      // What release 0.1.0 knew of a device; later fields (installation id, credit-note
      // numbers) start empty on an upgraded office and are checked by their own tests.
      devices.map(async ({ id, userId, name, series, createdAt }) => {
        const { quote, order, invoice } = await storage.highWater(series);
        return { id, userId, name, series, createdAt, highWater: { quote, order, invoice } };
      }),
    ),
    sessions: await Promise.all(devices.map((_, i) => storage.findSession(`token-hash-${i + 1}`))),
    documents: Object.fromEntries(
      await Promise.all(
        syncCollections.map(async (c) => [
          c,
          (await storage.allDocs(c)).map((d) => ({
            id: d.id,
            seq: d.seq,
            deleted: d.deleted,
            ownerId: d.ownerId,
            teamId: d.teamId,
            doc: d.doc,
          })),
        ]),
      ),
    ),
  };
};
