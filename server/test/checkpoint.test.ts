// A pull must never skip a change that commits late (DESIGN.md §4): the checkpoint is a
// server sequence, and writes of a collection are serialized so seqs commit in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { FairleadServer } from '../src/app';
import { newId } from '../src/ids';
import { writeOfficeDocs } from '../src/office';
import { PostgresStorage } from '../src/storage/postgres';
import type { Storage } from '../src/storage/types';
import { leadDoc } from './fixtures';
import type { Office, Place } from './harness';
import { adapters, freshPlace, pgUrl, seedOffice, startServer } from './harness';

/** Pulls everything after `seq` as the admin sees it; returns ids and the new checkpoint. */
const pullAll = async (storage: Storage, seq: number): Promise<{ ids: string[]; seq: number }> => {
  const docs = await storage.pull('leads', { kind: 'all' }, seq, 1000);
  return { ids: docs.map((d) => d.id), seq: docs[docs.length - 1]?.seq ?? seq };
};

describe.each(adapters)('checkpoint safety on %s', (adapter) => {
  let place: Place;
  let server: FairleadServer;
  let office: Office;

  beforeAll(async () => {
    place = await freshPlace(adapter);
    server = await startServer(place);
    office = await seedOffice(server);
  });
  afterAll(async () => {
    await server?.close();
    await place?.drop();
  });

  it('a puller racing many concurrent writers sees every document', async () => {
    // Writers on separate storage connections (separate pools on PostgreSQL).
    const writers: Storage[] =
      adapter === 'postgres'
        ? await Promise.all(
            [1, 2, 3].map(() => PostgresStorage.open(place.databaseUrl ?? '', { poolMax: 3 })),
          )
        : [server.storage];
    try {
      const written: string[] = [];
      let done = false;
      const writing = (async () => {
        await Promise.all(
          writers.flatMap((w) =>
            [0, 1, 2].map(async () => {
              for (let i = 0; i < 15; i++) {
                const lead = leadDoc(newId(), office.a.id);
                await writeOfficeDocs(w, 'leads', [lead]);
                written.push(lead.id);
              }
            }),
          ),
        );
        done = true;
      })();
      const seen = new Set<string>();
      let seq = 0;
      while (!done) {
        const page = await pullAll(server.storage, seq);
        page.ids.forEach((id) => seen.add(id));
        seq = page.seq;
      }
      await writing;
      const last = await pullAll(server.storage, seq);
      last.ids.forEach((id) => seen.add(id));
      expect(written.length).toBe(writers.length * 45);
      expect(written.filter((id) => !seen.has(id))).toEqual([]);
    } finally {
      if (adapter === 'postgres') await Promise.all(writers.map((w) => w.close()));
    }
  });
});

describe.skipIf(!pgUrl)('late commit on PostgreSQL', () => {
  let place: Place;
  let server: FairleadServer;
  let office: Office;

  beforeAll(async () => {
    place = await freshPlace('postgres');
    server = await startServer(place);
    office = await seedOffice(server);
  });
  afterAll(async () => {
    await server?.close();
    await place?.drop();
  });

  it('a transaction that took a seq and commits late is not skipped by a pull', async () => {
    const slow = await PostgresStorage.open(place.databaseUrl ?? '', { poolMax: 2 });
    const fast = await PostgresStorage.open(place.databaseUrl ?? '', { poolMax: 2 });
    const watcher = new pg.Client({ connectionString: place.databaseUrl });
    await watcher.connect();
    try {
      const start = await pullAll(server.storage, 0);
      let release: () => void = () => undefined;
      let reachedCommit: () => void = () => undefined;
      const atCommit = new Promise<void>((resolve) => (reachedCommit = resolve));
      slow.beforeCommit = () => {
        reachedCommit();
        return new Promise<void>((resolve) => (release = resolve));
      };
      const lateLead = leadDoc(newId(), office.a.id);
      const earlyLead = leadDoc(newId(), office.a.id);
      const late = writeOfficeDocs(slow, 'leads', [lateLead]);
      await atCommit; // the slow writer holds its seq, uncommitted
      const early = writeOfficeDocs(fast, 'leads', [earlyLead]);
      // Wait until the fast writer is really waiting behind the slow one.
      for (;;) {
        const waiting = await watcher.query(
          "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
        );
        if ((waiting.rows[0] as { n: number }).n > 0) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      // A puller now sees neither, so its checkpoint cannot move past the late seq.
      const during = await pullAll(server.storage, start.seq);
      expect(during.ids).toEqual([]);
      release();
      await Promise.all([late, early]);
      const after = await pullAll(server.storage, during.seq);
      expect(after.ids).toEqual([lateLead.id, earlyLead.id]);
    } finally {
      await watcher.end();
      await slow.close();
      await fast.close();
    }
  });
});
