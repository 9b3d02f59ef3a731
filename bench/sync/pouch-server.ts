// The classic offline-sync peer for the first-sync reference: PouchDB server
// (express-pouchdb over an in-memory PouchDB) holding the same documents.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import expressPouchDB from 'express-pouchdb';
import PouchDBCore from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import memory from 'pouchdb-adapter-memory';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';

export type PouchServer = { dbUrl: string; close(): Promise<void> };

const MemoryPouch = PouchDBCore.plugin(memory)
  .plugin(http)
  .plugin(replication)
  .plugin(mapreduce)
  .defaults({ adapter: 'memory' });

// PouchDB reserves top-level fields starting with "_": keep the record's own fields only.
const asPouchDoc = (collection: string, doc: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = { _id: `${collection}:${String(doc.id)}` };
  for (const [key, value] of Object.entries(doc)) if (!key.startsWith('_')) out[key] = value;
  return out;
};

export const startPouchServer = async (
  collections: [string, Record<string, unknown>[]][],
): Promise<PouchServer> => {
  // express-pouchdb first: it registers the databases created after it (all-dbs).
  const app = expressPouchDB(MemoryPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true });
  const name = `share_${Date.now()}`;
  const db = new MemoryPouch(name);
  for (const [collection, docs] of collections) {
    for (let i = 0; i < docs.length; i += 2000) {
      await db.bulkDocs(docs.slice(i, i + 2000).map((d) => asPouchDoc(collection, d)));
    }
  }
  // The bench page lives on the sync server's origin: allow it to replicate from here.
  const server: Server = createServer((req, res) => {
    const origin = req.headers.origin;
    if (origin) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-credentials', 'true');
      res.setHeader('access-control-allow-methods', 'GET, POST, PUT, DELETE, HEAD, OPTIONS');
      res.setHeader(
        'access-control-allow-headers',
        req.headers['access-control-request-headers'] ?? 'content-type, accept, authorization',
      );
      res.setHeader('access-control-max-age', '600');
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    dbUrl: `http://127.0.0.1:${port}/${name}`,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await db.destroy();
    },
  };
};
