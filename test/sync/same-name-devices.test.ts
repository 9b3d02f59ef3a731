// Two laptops of one seller, signed in on the same day under the same display name, each
// selling offline: every quote, order and invoice number is unique, gap-free and increasing
// within its device's series, in either reconnect order, and the server holds no duplicate.
// Real RxDB stores in worker threads, the device's own commands, a real server on SQLite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocumentNumber } from '../../shared/domain/numbering';
import type { SyncCollection } from '../../shared/sync/protocol';
import type { Device } from './harness';
import { converge, startDevice, startOffice } from './harness';
import { newId } from './fixtures';

type Numbers = { quote: string; order: string; invoice: string };
const DISPLAY_NAME = 'Windows 2026-12-01';
const numbered: SyncCollection[] = ['quotes', 'orders', 'invoices'];

describe('two devices of one seller with the same name, numbering offline', () => {
  let office: Awaited<ReturnType<typeof startOffice>>;
  let a: Device;
  let b: Device;
  const issued = new Map<string, Numbers[]>();

  beforeAll(async () => {
    office = await startOffice();
    await office.addSeller('giulia@fairlead.example');
    a = await startDevice('laptop-1', office.url, 'giulia@fairlead.example', {
      deviceName: DISPLAY_NAME,
      installationId: newId(),
    });
    b = await startDevice('laptop-2', office.url, 'giulia@fairlead.example', {
      deviceName: DISPLAY_NAME,
      installationId: newId(),
    });
    issued.set(a.name, []);
    issued.set(b.name, []);
  }, 60_000);

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await office?.close();
  });

  const sellOffline = async (rounds: number, tag: string): Promise<void> => {
    await a.offline();
    await b.offline();
    for (let i = 0; i < rounds; i++) {
      // Interleaved, as two people selling at once on two stands.
      for (const device of [a, b]) issued.get(device.name)?.push(await device.sale(`${tag} ${i}`));
    }
  };

  it('gives each installation its own series although the names are equal', () => {
    expect(a.series).not.toBe(b.series);
  });

  it('keeps every number unique and gap-free per series, whichever device syncs first', async () => {
    await sellOffline(2, 'first');
    await a.online();
    await a.idle();
    await b.online();
    await b.idle();
    await converge([a, b]);

    await sellOffline(2, 'second');
    await b.online();
    await b.idle();
    await a.online();
    await a.idle();
    const [da, db] = await converge([a, b]);
    expect(da).toEqual(db);

    const year = new Date().getFullYear();
    for (const device of [a, b]) {
      const numbers = issued.get(device.name) ?? [];
      expect(numbers).toHaveLength(4);
      const seqs = (kind: keyof Numbers) =>
        numbers.map((n) => {
          const parsed = parseDocumentNumber(n[kind]);
          expect(parsed).toMatchObject({ kind, series: device.series });
          return parsed?.seq;
        });
      // Gap-free and increasing within the device's own series.
      expect(seqs('quote')).toEqual([1, 2, 3, 4]);
      expect(seqs('order')).toEqual([1, 2, 3, 4]);
      expect(seqs('invoice')).toEqual([1, 2, 3, 4]);
      expect(numbers.map((n) => parseDocumentNumber(n.invoice)?.year)).toEqual(Array(4).fill(year));
      const status = await device.status();
      expect(status.rejected).toEqual([]);
      expect(status.pending).toBe(0);
    }

    // The server holds every document once, with no number twice.
    for (const collection of numbered) {
      const docs = await office.server.storage.allDocs(collection);
      const numbers = docs.map((d) => (d.doc as { number: string }).number);
      expect(numbers).toHaveLength(8);
      expect(new Set(numbers).size).toBe(8);
      const devices = da?.[collection]?.map((d) => d.number).sort();
      expect(devices).toEqual([...numbers].sort());
    }
    const all = [...issued.values()].flat().flatMap((n) => [n.quote, n.order, n.invoice]);
    expect(new Set(all).size).toBe(24);
    // The server's high-water marks follow the accepted numbers of each series.
    for (const device of [a, b]) {
      expect(await office.server.storage.highWater(device.series)).toEqual({
        quote: 4,
        order: 4,
        invoice: { [String(year)]: 4 },
        creditNote: {},
      });
    }
  }, 180_000);
});

describe('two devices of an older release sharing one series', () => {
  let office: Awaited<ReturnType<typeof startOffice>>;
  let a: Device;
  let b: Device;

  beforeAll(async () => {
    office = await startOffice();
    await office.addSeller('piero@fairlead.example');
    // No installation ids: the server can tell them apart only by name, so they share a series.
    a = await startDevice('old-1', office.url, 'piero@fairlead.example', {
      deviceName: DISPLAY_NAME,
    });
    b = await startDevice('old-2', office.url, 'piero@fairlead.example', {
      deviceName: DISPLAY_NAME,
    });
  }, 60_000);

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await office?.close();
  });

  it('refuses the second device’s copies of a number instead of storing a duplicate', async () => {
    expect(a.series).toBe(b.series);
    await a.offline();
    await b.offline();
    const first = await a.sale('stand A');
    const second = await b.sale('stand B');
    expect(second).toEqual(first);
    await a.online();
    await a.idle();
    await b.online();
    await b.idle();
    const status = await b.status();
    expect(status.rejected.map((r) => [r.collection, r.code]).sort()).toEqual([
      ['invoices', 'number_taken'],
      ['orders', 'number_taken'],
      ['quotes', 'number_taken'],
    ]);
    for (const collection of numbered) {
      const docs = await office.server.storage.allDocs(collection);
      expect(docs.map((d) => d.doc.id)).toHaveLength(1);
    }
    // Nothing is lost: the refused documents stay on the device that made them.
    const mine = await b.dump();
    expect(mine.invoices?.map((d) => d.number)).toContain(first.invoice);
  }, 120_000);
});
