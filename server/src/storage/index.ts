// Picks the adapter: PostgreSQL when a database URL is given, else SQLite in the data folder.
import { PostgresStorage } from './postgres';
import { SqliteStorage } from './sqlite';
import type { Storage } from './types';

export type StorageOptions = { dataDir?: string; databaseUrl?: string; poolMax?: number };

export const openStorage = async (options: StorageOptions): Promise<Storage> => {
  if (options.databaseUrl)
    return PostgresStorage.open(options.databaseUrl, { poolMax: options.poolMax });
  return new SqliteStorage(options.dataDir ?? './data');
};
