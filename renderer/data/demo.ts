// Demo data for `npm start` and the browser tests: the shared generator's plausible Italian
// and international catalog, sellers and a few hundred records at every stage.
import type { Dataset, DatasetOptions } from '../../shared/dataset/index';
import { datasetSizes, generateDataset } from '../../shared/dataset/index';
import type { FairleadDatabase } from './database';
import type { DatasetRecords, LoadOptions } from './load';
import { loadDataset } from './load';

/** A generated dataset as records per type, ready for `loadDataset`. */
export const datasetRecords = (dataset: Dataset): DatasetRecords => ({
  refdata: dataset.refdata,
  product: dataset.products,
  pricelist: dataset.priceLists,
  account: dataset.accounts,
  contact: dataset.contacts,
  lead: dataset.leads,
  opportunity: dataset.opportunities,
  quote: dataset.quotes,
  order: dataset.orders,
  invoice: dataset.invoices,
  activity: dataset.activities,
});

export const DEMO_SEED = 2026;

/**
 * Loads the demo dataset into an empty store (does nothing when leads are already there).
 * Deterministic for a seed. Answers the dataset, e.g. to sign in as one of its sellers.
 */
export const loadDemoData = async (
  db: FairleadDatabase,
  options: Partial<DatasetOptions> & LoadOptions = {},
): Promise<Dataset | null> => {
  if ((await db.leads.count().exec()) > 0) return null;
  const { batchSize, onProgress, ...sizes } = options;
  const dataset = generateDataset({ ...datasetSizes.demo, seed: DEMO_SEED, ...sizes });
  await loadDataset(db, datasetRecords(dataset), {
    ...(batchSize !== undefined ? { batchSize } : {}),
    ...(onProgress !== undefined ? { onProgress } : {}),
  });
  return dataset;
};
