// Opportunities v0 → v1 (the forecast category joined them): a device store written before
// opens, keeps its opportunities, each following its stage and probability, and then takes
// a category someone picks.
import { createRxDatabase } from 'rxdb';
import type { RxJsonSchema } from 'rxdb';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDataset } from '../../shared/dataset';
import { forecastCategoryOf } from '../../shared/domain/forecast';
import type { Opportunity } from '../../shared/domain/records';
import { collectionSchemaOf } from '../../shared/domain/rx-schemas';
import type { FairleadDatabase } from './database';
import { openTestDatabase, testStorage, uniqueName } from './test-support';

type OpportunityV0 = Omit<Opportunity, 'forecastCategory'>;

const opportunitySchemaV0 = (): RxJsonSchema<OpportunityV0> => {
  const current = collectionSchemaOf('opportunity');
  const { forecastCategory: _dropped, ...properties } = current.properties;
  return {
    ...current,
    version: 0,
    properties,
    required: current.required.filter((field) => field !== 'forecastCategory'),
  } as unknown as RxJsonSchema<OpportunityV0>;
};

let db: FairleadDatabase | undefined;
afterEach(async () => {
  await db?.remove();
  db = undefined;
});

describe('opportunity schema migration', () => {
  it('opens a version 0 store; every opportunity follows its stage until a category is picked', async () => {
    const sample = generateDataset({
      seed: 7,
      leads: 20,
      accounts: 10,
      contacts: 10,
      opportunities: 10,
      quotes: 0,
      orders: 0,
      invoices: 0,
      activities: 0,
    }).opportunities.slice(0, 3);
    const v0 = sample.map(({ forecastCategory: _none, ...rest }) => rest);
    const name = uniqueName('fairlead-opportunity-v0');
    const old = await createRxDatabase({
      name,
      storage: wrappedValidateAjvStorage({ storage: testStorage() }),
      multiInstance: false,
    });
    await old.addCollections({ opportunities: { schema: opportunitySchemaV0() } });
    await old.collections['opportunities']?.bulkInsert(v0);
    await old.close();

    db = await openTestDatabase(name);
    expect(db.opportunities.schema.version).toBe(1);
    const migrated = (await db.opportunities.find().exec()).map((d) => d.toJSON() as Opportunity);
    expect(migrated).toHaveLength(3);
    for (const o of migrated) {
      expect(o.forecastCategory).toBeNull();
      expect(forecastCategoryOf(o)).toBe(forecastCategoryOf({ ...o, forecastCategory: null }));
    }
    const first = migrated[0];
    if (first === undefined) throw new Error('no opportunity');
    await db.opportunities.upsert({ ...first, forecastCategory: 'omitted' });
    expect((await db.opportunities.findOne(first.id).exec())?.forecastCategory).toBe('omitted');
    await expect(
      db.opportunities.upsert({ ...first, forecastCategory: 'maybe' as 'omitted' }),
    ).rejects.toThrow();
  });
});
