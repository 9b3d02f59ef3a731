// Upgrading an office written by release 0.1.0 (before versioned migrations) to the latest
// schema keeps every document, user, device, series and high-water mark.
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage } from '../src/storage';
import { latestVersion } from '../src/storage/migrations';
import type { Place } from './harness';
import { adapters, freshPlace } from './harness';
import { expectedOffice, loadReleaseOffice, viewOffice } from './release-fixture';

describe.each(adapters)('upgrading a release 0.1.0 office on %s', (adapter) => {
  let place: Place | undefined;
  afterEach(async () => {
    await place?.drop();
    place = undefined;
  });

  it('reaches the latest schema with everything intact', async () => {
    place = await freshPlace(adapter);
    loadReleaseOffice(place);
    const storage = await openStorage({ dataDir: place.dataDir, databaseUrl: place.databaseUrl });
    try {
      expect(await storage.schemaVersion()).toBe(latestVersion());
      const office = await viewOffice(storage);
      expect(office).toEqual(expectedOffice(adapter));
      // The fixture is not trivially empty: the comparison above means something.
      const docs = office.documents as Record<string, { deleted: boolean }[]>;
      expect(Object.values(docs).flat().length).toBeGreaterThan(50);
      expect(docs.leads?.some((d) => d.deleted)).toBe(true);
      expect(office.users.length).toBeGreaterThan(1);
      expect((await storage.serverEpoch()).id).toMatch(/^[0-9a-f]{32}$/);
      expect((await storage.serverEpoch()).renewedAt).toBeNull();
    } finally {
      await storage.close();
    }
  });
});
