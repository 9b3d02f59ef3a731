// A fresh device's first sync in many pages, its pulls held until the store keeps up
// (renderer/data/sync/pull-gate.ts): it must end with every document exactly as the
// office holds it, and later delta syncs and merges must work as on any device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device } from './harness';
import { converge, startDevice, startOffice } from './harness';
import { at, newLead } from './fixtures';

type Doc = Record<string, unknown>;
const byId = (docs: Doc[] | undefined, id: string): Doc | undefined =>
  docs?.find((d) => d.id === id);

const LEADS = 150;

describe('first sync of a fresh device in pages of 7', () => {
  let office: Awaited<ReturnType<typeof startOffice>>;
  let a: Device;
  let fresh: Device;

  beforeAll(async () => {
    office = await startOffice();
    await office.addSeller('sara@fairlead.example');
    a = await startDevice('laptop', office.url, 'sara@fairlead.example');
    for (let i = 0; i < LEADS; i++) {
      await a.insert('leads', newLead(a.userId, { topic: `Lead ${i}`, notes: `note ${i}` }));
    }
    await a.idle();
    fresh = await startDevice('tablet', office.url, 'sara@fairlead.example', {
      pullBatchSize: 7,
    });
  }, 120_000);

  afterAll(async () => {
    await a?.stop();
    await fresh?.stop();
    await office?.close();
  });

  it('holds every document of the office, unchanged', async () => {
    await fresh.idle();
    const [held, source] = await Promise.all([fresh.dump(), a.dump()]);
    expect(held.leads).toHaveLength(LEADS);
    expect(held).toEqual(source);
    expect((await fresh.status()).firstSync).toBeNull();
  });

  it('then merges a local and a remote edit of one record, and syncs new records both ways', async () => {
    const lead = (await fresh.dump()).leads?.[42];
    expect(lead).toBeDefined();
    const id = String(lead?.id);
    await a.offline();
    await fresh.offline();
    await a.patch('leads', id, { phone: '+39 02 5555', updatedAt: at(20) });
    await fresh.patch('leads', id, { rating: 'hot', updatedAt: at(21) });
    const fromFresh = newLead(fresh.userId, { topic: 'Made on the tablet' });
    await fresh.insert('leads', fromFresh);
    await fresh.online();
    await fresh.idle();
    await a.online();
    const [da, dfresh] = await converge([a, fresh]);
    expect(dfresh).toEqual(da);
    expect(byId(da?.leads, id)).toMatchObject({ phone: '+39 02 5555', rating: 'hot' });
    expect(byId(da?.leads, fromFresh.id)).toMatchObject({ topic: 'Made on the tablet' });
    expect(da?.leads).toHaveLength(LEADS + 1);
    // Different fields changed on each side: no conflict to record.
    expect(da?.activities?.filter((x) => x.event === 'sync.conflict')).toEqual([]);
  });

  it('pushes the first edit of a pulled record with its pulled state as base', async () => {
    // A record the tablet pulled and never touched: it holds no copy of the server's state
    // until this edit (rx-internals.ts keepBasesBeforeEdits). Without the pulled base,
    // the office's newer edit would read as a clash on every changed field.
    const lead = (await fresh.dump()).leads?.[77];
    const id = String(lead?.id);
    await fresh.offline();
    await a.patch('leads', id, { phone: '+39 06 1234', updatedAt: at(31) });
    await a.idle();
    await fresh.patch('leads', id, { rating: 'warm', updatedAt: at(30) });
    await fresh.online();
    const [da, dfresh] = await converge([a, fresh]);
    expect(dfresh).toEqual(da);
    expect(byId(da?.leads, id)).toMatchObject({ phone: '+39 06 1234', rating: 'warm' });
    expect(da?.activities?.filter((x) => x.event === 'sync.conflict')).toEqual([]);
  });
});
