// Backup and restore on both databases: a streamed NDJSON snapshot that restores the whole
// office (also into the other database), refuses to overwrite an office unless forced, and
// gives the office a new epoch that devices' old checkpoints and pushes are told about.
import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../shared/sync/protocol';
import { runAdmin } from '../src/admin';
import { exportBackup } from '../src/backup';
import { restoreBackup } from '../src/restore';
import { openStorage } from '../src/storage';
import { latestVersion } from '../src/storage/migrations';
import type { Storage } from '../src/storage/types';
import { leadDoc } from './fixtures';
import type { AdapterName, Place } from './harness';
import { adapters, freshPlace, seedOffice, signIn, startServer } from './harness';
import { expectedOffice, loadReleaseOffice, viewOffice } from './release-fixture';

const open = (p: Place) =>
  openStorage({ dataDir: p.dataDir, databaseUrl: p.databaseUrl, poolMax: 3 });

describe.each(adapters)('backup and restore on %s', (adapter) => {
  const places: Place[] = [];
  const storages: Storage[] = [];
  const place = async (kind: AdapterName = adapter): Promise<Place> => {
    const p = await freshPlace(kind);
    places.push(p);
    return p;
  };
  const opened = async (p: Place): Promise<Storage> => {
    const s = await open(p);
    storages.push(s);
    return s;
  };
  afterEach(async () => {
    for (const s of storages.splice(0)) await s.close().catch(() => undefined);
    for (const p of places.splice(0)) await p.drop();
  });

  it('restores the whole office, into either database, with a new epoch', async () => {
    const from = await place();
    loadReleaseOffice(from);
    const source = await opened(from);
    const file = join(from.dataDir, 'office.ndjson');
    const report = await exportBackup(source, file);
    expect(report.documents).toBeGreaterThan(50);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      format: 'fairlead-backup',
      schemaVersion: latestVersion(),
    });
    expect(JSON.parse(lines.at(-1) ?? '')).toMatchObject({ end: true });

    for (const target of adapters) {
      const restored = await opened(await place(target));
      const r = await restoreBackup(restored, file, { force: false });
      expect(r.documents).toBe(report.documents);
      expect(await viewOffice(restored)).toEqual(expectedOffice(adapter));
      expect(r.epoch.id).not.toBe((await source.serverEpoch()).id);
      expect((await restored.serverEpoch()).renewedAt).not.toBeNull();
      for (const c of ['leads', 'quotes'] as const)
        expect(await restored.lastSeq(c)).toBe(await source.lastSeq(c));
    }
  });

  it.runIf(adapter === 'sqlite')(
    'builds the indexes it dropped for the bulk load again, as a new store has them',
    async () => {
      const from = await place();
      loadReleaseOffice(from);
      const file = join(from.dataDir, 'office.ndjson');
      await exportBackup(await opened(from), file);
      const fresh = await place();
      await opened(fresh);
      const target = await place();
      await restoreBackup(await opened(target), file, { force: false });
      const indexes = (p: Place) => {
        const db = new Database(join(p.dataDir, 'fairlead.sqlite'), { readonly: true });
        try {
          return db
            .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
            .all();
        } finally {
          db.close();
        }
      };
      expect(indexes(target).length).toBeGreaterThan(3);
      expect(indexes(target)).toEqual(indexes(fresh));
    },
  );

  it('is one snapshot: a write during the backup is in none of it', async () => {
    const from = await place();
    const storage = await opened(from);
    const write = (id: string) =>
      storage.writeDocs('leads', [id], () => [
        { write: { id, ownerId: 'u1', teamId: null, doc: leadDoc(id, 'u1') }, result: null },
      ]);
    const ids = Array.from({ length: 1500 }, (_, i) => `lead-${String(i).padStart(4, '0')}`);
    await storage.writeDocs('leads', ids, () =>
      ids.map((id) => ({
        write: { id, ownerId: 'u1', teamId: null, doc: leadDoc(id, 'u1') },
        result: null,
      })),
    );
    const file = join(from.dataDir, 'office.ndjson');
    // Written while the backup streams its first page of documents.
    const original = storage.readSnapshot.bind(storage);
    storage.readSnapshot = (visit) =>
      original(async (page) => {
        if (page.table === 'docs' && page.rows.length > 0)
          await write(`late-${page.rows.length}-${Math.random()}`);
        await visit(page);
      });
    await exportBackup(storage, file);
    const rows = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .slice(1, -1)
      .map((l) => JSON.parse(l) as { table: string; row: Record<string, unknown> });
    const docs = rows.filter((r) => r.table === 'docs');
    const counter = rows.find((r) => r.table === 'counters' && r.row.collection === 'leads');
    expect(docs).toHaveLength(1500);
    expect(docs.some((d) => String(d.row.id).startsWith('late-'))).toBe(false);
    expect(Number(counter?.row.seq)).toBe(1500);
    expect(await storage.lastSeq('leads')).toBeGreaterThan(1500);
  });

  it('refuses an office or a cut file in plain words, and --force replaces the office', async () => {
    const from = await place();
    loadReleaseOffice(from);
    const source = await opened(from);
    const file = join(from.dataDir, 'office.ndjson');
    await exportBackup(source, file);
    await expect(runAdmin(source, ['restore', file])).rejects.toThrow(
      /already holds an office.*--force/,
    );
    const cut = join(from.dataDir, 'cut.ndjson');
    const text = readFileSync(file, 'utf8');
    writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)).replace(/\n[^\n]*$/, '\n'));
    const empty = await opened(await place());
    await expect(runAdmin(empty, ['restore', cut])).rejects.toThrow(/cut short/);
    expect(await empty.listUsers()).toEqual([]); // nothing half-restored
    const before = (await source.serverEpoch()).id;
    expect(await runAdmin(source, ['restore', file, '--force'])).toMatch(/Restored \d+ documents/);
    expect((await source.serverEpoch()).id).not.toBe(before);
    expect(await viewOffice(source)).toEqual(expectedOffice(adapter));
  });

  it('tells devices with an old checkpoint to start over and refuses their old-epoch pushes', async () => {
    const p = await place();
    const server = await startServer(p);
    try {
      const office = await seedOffice(server);
      const device = await signIn(server, office.a.email);
      const doc = leadDoc('0199aaaa-0000-7000-8000-000000000001', office.a.id);
      const epoch = (await server.storage.serverEpoch()).id;
      const pushIn = (from: string, rows: unknown) =>
        fetch(`${server.url ?? ''}/api/sync/leads/push`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${device.login.token}`,
            'content-type': 'application/json',
            'x-fairlead-epoch': from,
          },
          body: JSON.stringify(rows),
        });
      expect((await pushIn(epoch, [{ newDocumentState: doc }])).status).toBe(200);
      const first = (await (await device.get('/api/sync/leads/pull')).json()) as PullResponse;
      expect(first.checkpoint).toEqual({ seq: 1, epoch });
      const q = (cp: unknown) =>
        `/api/sync/leads/pull?checkpoint=${encodeURIComponent(JSON.stringify(cp))}`;
      // Ahead of anything this history handed out: the database went back by other means.
      const ahead = (await (await device.get(q({ seq: 99, epoch }))).json()) as PullResponse;
      expect(ahead).toMatchObject({ documents: [], reset: true, epoch });

      expect(await runAdmin(server.storage, ['epoch', 'renew'])).toMatch(/new epoch/);
      const renewed = (await server.storage.serverEpoch()).id;
      for (const old of [first.checkpoint, { seq: 1 }]) {
        const res = (await (await device.get(q(old))).json()) as PullResponse;
        expect(res).toMatchObject({
          documents: [],
          checkpoint: null,
          reset: true,
          epoch: renewed,
          remaining: 1,
        });
      }
      const fresh = (await (await device.get('/api/sync/leads/pull')).json()) as PullResponse;
      expect(fresh).toMatchObject({ checkpoint: { seq: 1, epoch: renewed } });
      const stale = await pushIn(epoch, [{ newDocumentState: { ...doc, notes: 'x' } }]);
      expect(stale.status).toBe(409);
      expect(await stale.json()).toMatchObject({ code: 'epoch_changed' });
      expect((await device.get(q({ seq: 1, epoch: 'x'.repeat(65) }))).status).toBe(400);
      expect((await pushIn('x'.repeat(65), [])).status).toBe(400);
    } finally {
      await server.close();
    }
  });
});
