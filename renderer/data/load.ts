// Loads generated or imported records into the device store in batches (bulk inserts), for
// the demo data, the benchmarks (100k leads) and tests.
import type { RecordOf, RecordType } from '../../shared/domain/records';
import type { FairleadDatabase } from './database';
import { bulkInsertChecked } from './write';

/** Records per type; each may be an array or a (lazy) iterable, e.g. a generator. */
export type DatasetRecords = { [K in RecordType]?: Iterable<RecordOf[K]> };

export type LoadOptions = {
  /** Documents per bulk insert (default 2000). */
  batchSize?: number;
  /** Called after each batch, with the documents written so far. */
  onProgress?: (written: number) => void;
};

// Catalog and reference data first, then records in lifecycle order, activities last.
const loadOrder: readonly RecordType[] = [
  'refdata',
  'product',
  'pricelist',
  'account',
  'contact',
  'lead',
  'opportunity',
  'quote',
  'order',
  'invoice',
  'activity',
];

/** Inserts every record of the dataset; returns how many were written. */
export const loadDataset = async (
  db: FairleadDatabase,
  dataset: DatasetRecords,
  options: LoadOptions = {},
): Promise<number> => {
  const batchSize = options.batchSize ?? 2000;
  let written = 0;
  const flush = async <K extends RecordType>(type: K, batch: RecordOf[K][]) => {
    written += await bulkInsertChecked(db, type, batch);
    options.onProgress?.(written);
  };
  for (const type of loadOrder) {
    const records = dataset[type] as Iterable<RecordOf[typeof type]> | undefined;
    if (records === undefined) continue;
    let batch: RecordOf[typeof type][] = [];
    for (const record of records) {
      batch.push(record);
      if (batch.length >= batchSize) {
        await flush(type, batch);
        batch = [];
      }
    }
    if (batch.length > 0) await flush(type, batch);
  }
  return written;
};
