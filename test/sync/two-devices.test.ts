import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device } from './harness';
import { converge, startDevice, startOffice } from './harness';
import { at, newLead } from './fixtures';

type Doc = Record<string, unknown>;
const byId = (docs: Doc[] | undefined, id: string): Doc | undefined =>
  docs?.find((d) => d.id === id);

describe('two devices of one seller, editing offline', () => {
  let office: Awaited<ReturnType<typeof startOffice>>;
  let a: Device;
  let b: Device;

  beforeAll(async () => {
    office = await startOffice();
    await office.addSeller('marco@fairlead.example');
    a = await startDevice('laptop', office.url, 'marco@fairlead.example');
    b = await startDevice('tablet', office.url, 'marco@fairlead.example');
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await office?.close();
  });

  it('merges edits of different fields of one record, in either reconnect order', async () => {
    const lead = newLead(a.userId);
    await a.insert('leads', lead);
    await converge([a, b]);
    expect(await b.get('leads', lead.id)).not.toBeNull();

    await a.offline();
    await b.offline();
    await a.patch('leads', lead.id, { phone: '+39 02 1234', updatedAt: at(5) });
    await b.patch('leads', lead.id, { rating: 'hot', updatedAt: at(6) });
    await b.online();
    await b.idle();
    await a.online();
    const [da, db] = await converge([a, b]);
    expect(da).toEqual(db);
    const merged = byId(da?.leads, lead.id);
    expect(merged).toMatchObject({ phone: '+39 02 1234', rating: 'hot', updatedAt: at(6) });
    expect(da?.activities?.filter((x) => x.event === 'sync.conflict')).toEqual([]);
  });

  it('resolves the same field changed on both: master wins, the losing value kept in a conflict activity', async () => {
    const lead = newLead(a.userId);
    await a.insert('leads', lead);
    await converge([a, b]);

    await a.offline();
    await b.offline();
    await a.patch('leads', lead.id, { notes: 'from the laptop', mobile: '333', updatedAt: at(10) });
    await b.patch('leads', lead.id, {
      notes: 'from the tablet',
      email: 'a.rossi@rossi.example',
      updatedAt: at(11),
    });
    // The laptop reconnects first this time: its version becomes the master.
    await a.online();
    await a.idle();
    await b.online();
    const [da, db] = await converge([a, b]);
    expect(da).toEqual(db);
    expect(byId(da?.leads, lead.id)).toMatchObject({
      notes: 'from the laptop',
      mobile: '333',
      email: 'a.rossi@rossi.example',
    });
    const conflicts = da?.activities?.filter(
      (x) => x.event === 'sync.conflict' && x.regardingId === lead.id,
    );
    expect(conflicts).toHaveLength(1);
    expect(conflicts?.[0]).toMatchObject({
      type: 'system',
      regardingType: 'lead',
      data: { path: 'notes', localValue: 'from the tablet', masterValue: 'from the laptop' },
    });
  });

  it('keeps new records made on both devices', async () => {
    await a.offline();
    await b.offline();
    const fromA = newLead(a.userId, { lastName: 'Bianchi' });
    const fromB = newLead(a.userId, { lastName: 'Verdi' });
    await a.insert('leads', fromA);
    await b.insert('leads', fromB);
    expect((await a.status()).pending).toBeGreaterThan(0);
    await a.online();
    await b.online();
    const [da, db] = await converge([a, b]);
    expect(da).toEqual(db);
    expect(byId(da?.leads, fromA.id)).toMatchObject({ lastName: 'Bianchi' });
    expect(byId(da?.leads, fromB.id)).toMatchObject({ lastName: 'Verdi' });
    expect((await a.status()).pending).toBe(0);
    expect((await b.status()).lastSyncAt).not.toBeNull();
  });

  it('deletes a record deleted on one device and untouched on the other', async () => {
    const lead = newLead(a.userId);
    await a.insert('leads', lead);
    await converge([a, b]);
    await a.offline();
    await b.offline();
    await b.remove('leads', lead.id);
    await a.patch('leads', lead.id, {}); // no change: nothing to merge
    await b.online();
    await b.idle();
    await a.online();
    const [da, db] = await converge([a, b]);
    expect(da).toEqual(db);
    expect(byId(da?.leads, lead.id)).toBeUndefined();
  });

  it('keeps an edit that meets a deletion, with the deletion on the timeline', async () => {
    const lead = newLead(a.userId);
    await a.insert('leads', lead);
    await converge([a, b]);
    await a.offline();
    await b.offline();
    await b.remove('leads', lead.id);
    await a.patch('leads', lead.id, { jobTitle: 'Head of purchasing', updatedAt: at(20) });
    await b.online();
    await b.idle();
    await a.online();
    const [da, db] = await converge([a, b]);
    expect(da).toEqual(db);
    expect(byId(da?.leads, lead.id)).toMatchObject({ jobTitle: 'Head of purchasing' });
    const conflict = da?.activities?.find(
      (x) => x.event === 'sync.conflict' && x.regardingId === lead.id,
    );
    expect(conflict).toMatchObject({
      data: { path: '_deleted', localValue: false, masterValue: true },
    });
  });
});
