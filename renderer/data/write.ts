// Writing documents into the store: one upsert per domain write, in the rule's order, and
// batched inserts for loading datasets. Failures become StoreErrors that name the field.
import type { RxCollection } from 'rxdb';
import type { Write } from '../../shared/domain/effects';
import type { RecordOf, RecordType } from '../../shared/domain/records';
import { collectionNames } from '../../shared/domain/records';
import type { FairleadDatabase } from './database';
import { schemaViolationError, toStoreError } from './store-error';
import type { SchemaViolation } from './store-error';

/** The typed collection of a record type. */
export const collectionOf = <K extends RecordType>(
  db: FairleadDatabase,
  type: K,
): RxCollection<RecordOf[K]> =>
  db.collections[collectionNames[type]] as unknown as RxCollection<RecordOf[K]>;

/** Writes one full document (insert or replace); `index` is its place in the command. */
export type DocumentWriter = (db: FairleadDatabase, write: Write, index: number) => Promise<void>;

export const upsertWrite: DocumentWriter = async (db, write) => {
  const collection = collectionOf(db, write.type) as RxCollection<RecordOf[RecordType]>;
  try {
    await collection.incrementalUpsert(write.doc);
  } catch (error) {
    throw toStoreError(error, collection.name);
  }
};

type BulkError = { documentId?: string; validationErrors?: SchemaViolation[]; status?: number };

/** Inserts documents in one bulk write; throws a StoreError for the first refused one. */
export const bulkInsertChecked = async <K extends RecordType>(
  db: FairleadDatabase,
  type: K,
  docs: readonly RecordOf[K][],
): Promise<number> => {
  if (docs.length === 0) return 0;
  const collection = collectionOf(db, type);
  const result = await collection.bulkInsert([...docs]);
  const first = result.error[0] as BulkError | undefined;
  if (first !== undefined) {
    if (first.validationErrors !== undefined) {
      throw schemaViolationError(collection.name, first.documentId, first.validationErrors, first);
    }
    throw toStoreError(
      new Error(`status ${String(first.status)} for ${String(first.documentId)}`),
      collection.name,
    );
  }
  return result.success.length;
};

/** A stored document as a plain, mutable domain record (no RxDB meta fields). */
export const plainDoc = <T>(doc: { toMutableJSON(withMetaFields?: false): unknown }): T =>
  doc.toMutableJSON(false) as T;
