// The device's collections (DESIGN.md §2): schemas from shared/domain, typed for RxDB, with a
// migrationStrategies object on every collection from the first release on.
import type { RxCollection, RxJsonSchema, MigrationStrategies } from 'rxdb';
import type { CollectionName, RecordOf, RecordType } from '../../../shared/domain/records';
import { collectionNames, recordTypes } from '../../../shared/domain/records';
import { collectionSchemaOf } from '../../../shared/domain/rx-schemas';
import { migrationStrategies } from './migrations';

/** The typed collections of the store, keyed by their sync names (leads, quotes…). */
export type FairleadCollections = {
  [K in RecordType as (typeof collectionNames)[K]]: RxCollection<RecordOf[K]>;
};

export type CollectionCreator = {
  schema: RxJsonSchema<RecordOf[RecordType]>;
  migrationStrategies: MigrationStrategies;
};

/** Everything `db.addCollections` needs, one entry per record type. */
export const collectionCreators = (): Record<CollectionName, CollectionCreator> =>
  Object.fromEntries(
    recordTypes.map((type) => [
      collectionNames[type],
      {
        schema: collectionSchemaOf(type) as unknown as RxJsonSchema<RecordOf[RecordType]>,
        migrationStrategies: migrationStrategies[type],
      },
    ]),
  ) as Record<CollectionName, CollectionCreator>;
