// The small part of PouchDB's API the benchmark uses (the packages ship no types).
declare module 'pouchdb-browser' {
  type Info = { doc_count: number; update_seq: number | string };
  type ReplicationResult = { docs_written: number; docs_read: number; ok: boolean };
  class PouchDB {
    constructor(name: string, options?: Record<string, unknown>);
    info(): Promise<Info>;
    destroy(): Promise<void>;
    bulkDocs(docs: Record<string, unknown>[]): Promise<unknown[]>;
    static replicate(
      source: string | PouchDB,
      target: string | PouchDB,
      options?: Record<string, unknown>,
    ): Promise<ReplicationResult>;
  }
  export default PouchDB;
}

declare module 'pouchdb-core' {
  type Plugin = { readonly __plugin: unique symbol };
  class PouchDB {
    constructor(name: string, options?: Record<string, unknown>);
    bulkDocs(docs: Record<string, unknown>[]): Promise<unknown[]>;
    info(): Promise<{ doc_count: number }>;
    destroy(): Promise<void>;
    static plugin(plugin: Plugin): typeof PouchDB;
    static defaults(options: Record<string, unknown>): typeof PouchDB;
  }
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  import type PouchDB from 'pouchdb-core';
  const plugin: Parameters<typeof PouchDB.plugin>[0];
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  import type PouchDB from 'pouchdb-core';
  const plugin: Parameters<typeof PouchDB.plugin>[0];
  export default plugin;
}
declare module 'pouchdb-replication' {
  import type PouchDB from 'pouchdb-core';
  const plugin: Parameters<typeof PouchDB.plugin>[0];
  export default plugin;
}
declare module 'pouchdb-mapreduce' {
  import type PouchDB from 'pouchdb-core';
  const plugin: Parameters<typeof PouchDB.plugin>[0];
  export default plugin;
}
declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http';
  import type PouchDB from 'pouchdb-core';
  const expressPouchDB: (
    pouchdb: typeof PouchDB,
    options: Record<string, unknown>,
  ) => RequestListener & { use(handler: RequestListener): void };
  export default expressPouchDB;
}
