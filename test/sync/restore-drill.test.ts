// The disaster drill: devices sync, a backup is taken while they write, more writes follow
// (some pushed, one device offline with its own numbered invoices), the server is restored
// from the backup, and every device comes back with nothing lost, nothing twice and no
// invoice number issued twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocumentNumber } from '../../shared/domain/numbering';
import type { SyncCollection } from '../../shared/sync/protocol';
import { syncCollections } from '../../shared/sync/protocol';
import { runAdmin } from '../../server/src/admin';
import { exportBackup } from '../../server/src/backup';
import { restoreBackup } from '../../server/src/restore';
import { openStorage } from '../../server/src/storage';
import type { Place } from '../../server/test/harness';
import { adapters, freshPlace } from '../../server/test/harness';
import { sameDocument } from '../../server/src/sync/same-document';
import type { Device } from './harness';
import type { OfficeStore } from './harness';
import { converge, startDevice, startOffice } from './harness';
import { at, newInvoice, newLead } from './fixtures';

type Doc = Record<string, unknown>;
const SELLER = 'marco@fairlead.example';

/** Every document the server holds, by collection and id. */
const serverDocs = async (store: OfficeStore): Promise<Map<string, Doc>> => {
  const storage = await openStorage(store);
  try {
    const out = new Map<string, Doc>();
    for (const c of syncCollections)
      for (const d of await storage.allDocs(c)) out.set(`${c}/${d.id}`, d.doc);
    return out;
  } finally {
    await storage.close();
  }
};

describe.each(adapters)('restoring the office server (%s) from a backup', (adapter) => {
  let office: Awaited<ReturnType<typeof startOffice>>;
  let place: Place | undefined;
  const devices: Device[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'fairlead-drill-'));

  beforeAll(async () => {
    if (adapter === 'postgres') place = await freshPlace('postgres');
    office = await startOffice(place?.databaseUrl);
    await office.addSeller(SELLER);
    for (const name of ['laptop', 'tablet', 'phone'])
      devices.push(await startDevice(name, office.url, SELLER));
  });

  afterAll(async () => {
    await Promise.all(devices.map((d) => d.stop()));
    await office?.close();
    await place?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('brings every device back: nothing lost, nothing twice, no number reused', async () => {
    const [laptop, tablet, phone] = devices as [Device, Device, Device];
    const owner = laptop.userId;
    const lead = (minute: number, topic: string) =>
      newLead(owner, { topic, updatedAt: at(minute) });
    const invoiceNumbers: string[] = [];

    // 1. Everyone syncs.
    const early = [lead(1, 'early laptop'), lead(1, 'early tablet'), lead(1, 'early phone')];
    await laptop.insert('leads', early[0] as Doc);
    await tablet.insert('leads', early[1] as Doc);
    await phone.insert('leads', early[2] as Doc);
    invoiceNumbers.push(await laptop.invoice(newInvoice(owner, 2)));
    invoiceNumbers.push(await phone.invoice(newInvoice(owner, 2)));
    await converge(devices);
    expect((await laptop.status()).rejected).toEqual([]);

    // 2. A backup while the laptop keeps writing.
    const file = join(folder, 'office.ndjson');
    const backupReader = await openStorage(office.store);
    const during = Array.from({ length: 12 }, (_, i) => lead(3, `during ${i}`));
    const [backup] = await Promise.all([
      exportBackup(backupReader, file),
      (async () => {
        for (const l of during) await laptop.insert('leads', l as Doc);
      })(),
    ]);
    await backupReader.close();
    expect(backup.documents).toBeGreaterThanOrEqual(5);
    await converge(devices);

    // 3. After the backup: the phone goes offline and works on its own; the others push.
    await phone.offline();
    const early0 = early[0]?.id ?? '';
    const early1 = early[1]?.id ?? '';
    await laptop.patch('leads', early0, { rating: 'hot', updatedAt: at(10) });
    const after = [lead(11, 'after laptop'), lead(11, 'after tablet')];
    await laptop.insert('leads', after[0] as Doc);
    invoiceNumbers.push(await laptop.invoice(newInvoice(owner, 11)));
    await tablet.insert('leads', after[1] as Doc);
    await tablet.remove('leads', early1);
    const offline = [lead(12, 'offline phone 1'), lead(12, 'offline phone 2')];
    for (const l of offline) await phone.insert('leads', l as Doc);
    await phone.patch('leads', early[2]?.id ?? '', { notes: 'called back', updatedAt: at(12) });
    invoiceNumbers.push(await phone.invoice(newInvoice(owner, 12)));
    invoiceNumbers.push(await phone.invoice(newInvoice(owner, 13)));
    await laptop.idle();
    await tablet.idle();
    await converge([laptop, tablet]);
    // Everything the server acknowledged before the disaster.
    const acknowledged = await serverDocs(office.store);

    // 4. The disaster: the server is put back to the backup.
    // SQLite: into the emptied data folder; PostgreSQL: over the database, with --force.
    await office.replaceData(async (store) => {
      const target = await openStorage(store);
      try {
        await restoreBackup(target, file, { force: store.databaseUrl !== undefined });
      } finally {
        await target.close();
      }
    });
    const restored = await serverDocs(office.store);
    expect(restored.size).toBeLessThan(acknowledged.size); // the drill really lost something

    // 5. The online devices come back first, then the phone.
    await converge([laptop, tablet]);
    await phone.online();
    const dumps = await converge(devices);
    expect(dumps[1]).toEqual(dumps[0]);
    expect(dumps[2]).toEqual(dumps[0]);
    for (const d of devices) {
      expect(await d.sawRestoreResync()).toBe(true);
      expect((await d.status()).restoreResync).toBe(false);
    }

    // Nothing acknowledged is lost: the server holds each as it was, or the phone's newer edit.
    const final = await serverDocs(office.store);
    for (const [key, doc] of acknowledged) {
      const now = final.get(key);
      expect(now, key).toBeDefined();
      if (key === `leads/${early[2]?.id ?? ''}`)
        expect(now).toMatchObject({ notes: 'called back' });
      else expect(sameDocument(now ?? {}, doc), key).toBe(true);
    }
    expect(final.get(`leads/${early0}`)).toMatchObject({ rating: 'hot' });
    expect(final.get(`leads/${early1}`)).toMatchObject({ _deleted: true });
    // The offline phone's work reached the server; nothing exists twice.
    for (const l of offline) expect(final.has(`leads/${l.id}`)).toBe(true);
    // (A device's dump lists live documents: the one deleted lead is not among them.)
    const leads = dumps[0]?.leads ?? [];
    const topics = leads.map((l) => String(l.topic));
    expect(new Set(topics).size).toBe(topics.length);
    expect(leads.map((l) => l.id)).not.toContain(early1);
    expect(leads.length).toBe(early.length + during.length + after.length + offline.length - 1);

    // No invoice number twice, and the numbering goes on after the highest one used.
    const invoices = dumps[0]?.invoices ?? [];
    const numbers = invoices.map((i) => String(i.number));
    expect(numbers.sort()).toEqual([...invoiceNumbers].sort());
    expect(new Set(numbers).size).toBe(numbers.length);
    const next = await phone.invoice(newInvoice(owner, 20));
    expect(numbers).not.toContain(next);
    await phone.idle();
    const phoneSeries = parseDocumentNumber(next)?.series ?? '';
    const phoneUsed = [...numbers, next]
      .map(parseDocumentNumber)
      .filter((p) => p?.series === phoneSeries)
      .map((p) => p?.seq ?? 0);
    expect(parseDocumentNumber(next)?.seq).toBe(Math.max(...phoneUsed));
    const storage = await openStorage(office.store);
    try {
      // The server learnt the phone's numbers from its re-push: it never hands out less.
      const highWater = (await storage.highWater(phoneSeries)).invoice['2026'] ?? 0;
      expect(highWater).toBe(Math.max(...phoneUsed));
    } finally {
      await storage.close();
    }
    const collections: SyncCollection[] = ['leads', 'invoices'];
    for (const c of collections) expect(dumps[0]?.[c]?.length).toBeGreaterThan(0);
  }, 240_000);

  it("reaches connected devices at once when a running office's epoch is renewed", async () => {
    const desk = await startDevice('desk', office.url, SELLER);
    devices.push(desk);
    await desk.idle();
    expect(await desk.sawRestoreResync()).toBe(false);
    expect(await runAdmin(office.server.storage, ['epoch', 'renew'])).toMatch(/new epoch/);
    // No pull is asked for: the live stream tells the device, which starts over by itself.
    const deadline = Date.now() + 30_000;
    while (!(await desk.sawRestoreResync()) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    expect(await desk.sawRestoreResync()).toBe(true);
    await converge(devices);
  }, 120_000);
});
