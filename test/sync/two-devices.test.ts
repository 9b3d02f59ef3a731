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
});
