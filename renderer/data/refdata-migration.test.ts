// Reference data v0 → v1 (the `company` kind joined the kind enum): a device store written
// before opens, keeps its reference data and accepts the office's company.
import { createRxDatabase } from 'rxdb';
import type { RxJsonSchema } from 'rxdb';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { demoCompany } from '../../shared/dataset';
import { COMPANY_REFDATA_ID } from '../../shared/domain/company';
import type { Refdata } from '../../shared/domain/records';
import { collectionSchemaOf } from '../../shared/domain/rx-schemas';
import type { FairleadDatabase } from './database';
import { openTestDatabase, testStorage, uniqueName } from './test-support';

const refdataSchemaV0 = (): RxJsonSchema<Refdata> => {
  const current = collectionSchemaOf('refdata');
  const kind = current.properties['kind'] as { enum: string[] };
  return {
    ...current,
    version: 0,
    properties: {
      ...current.properties,
      kind: { ...kind, enum: kind.enum.filter((k) => k !== 'company') },
    },
  } as unknown as RxJsonSchema<Refdata>;
};

const record = (patch: Partial<Refdata>): Refdata => ({
  id: '0190a000-0000-7000-8000-0000000000aa',
  ownerId: 'office',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'office',
  kind: 'vat_rate',
  key: '2200',
  data: { rate: 2200 },
  ...patch,
});

let db: FairleadDatabase | undefined;
afterEach(async () => {
  await db?.remove();
  db = undefined;
});

describe('reference data schema migration', () => {
  it('opens a version 0 store, keeps its records and then stores the company', async () => {
    const name = uniqueName('fairlead-refdata-v0');
    const old = await createRxDatabase({
      name,
      storage: wrappedValidateAjvStorage({ storage: testStorage() }),
      multiInstance: false,
    });
    await old.addCollections({ refdata: { schema: refdataSchemaV0() } });
    await old.collections['refdata']?.insert(record({}));
    await expect(
      old.collections['refdata']?.insert(record({ id: COMPANY_REFDATA_ID, kind: 'company' })),
    ).rejects.toThrow();
    await old.close();

    db = await openTestDatabase(name);
    expect(db.refdata.schema.version).toBe(1);
    expect((await db.refdata.findOne(record({}).id).exec())?.toJSON()).toMatchObject({
      kind: 'vat_rate',
      data: { rate: 2200 },
    });
    await db.refdata.insert(
      record({ id: COMPANY_REFDATA_ID, kind: 'company', key: 'legal', data: demoCompany }),
    );
    expect((await db.refdata.findOne(COMPANY_REFDATA_ID).exec())?.toJSON().data).toEqual(
      demoCompany,
    );
  });
});
