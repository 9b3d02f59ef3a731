import { afterEach, describe, expect, it } from 'vitest';
import { collectionNames } from '../../shared/domain/records';
import type { FairleadDatabase } from './database';
import { openTestDatabase } from './test-support';

let db: FairleadDatabase | undefined;
afterEach(async () => {
  await db?.remove();
  db = undefined;
});

describe('createFairleadDatabase', () => {
  it('opens the eleven collections of the device', async () => {
    db = await openTestDatabase();
    expect(Object.keys(db.collections).sort()).toEqual(Object.values(collectionNames).sort());
    expect(db.leads.schema.version).toBe(1);
  });
});
