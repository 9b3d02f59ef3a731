import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device } from './harness';
import { converge, startDevice, startOffice } from './harness';
import { at, newLead } from './fixtures';

type Doc = Record<string, unknown>;
const byId = (docs: Doc[] | undefined, id: string): Doc | undefined =>
  docs?.find((d) => d.id === id);

describe('a change the server refuses', () => {
  let office: Awaited<ReturnType<typeof startOffice>>;
  let a: Device;
  let b: Device;

  beforeAll(async () => {
    office = await startOffice();
    await office.addSeller('giulia@fairlead.example');
    a = await startDevice('laptop', office.url, 'giulia@fairlead.example');
    b = await startDevice('tablet', office.url, 'giulia@fairlead.example');
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await office?.close();
  });

  it('stays on the device with its reason, and is accepted once fixed and retried', async () => {
    const lead = newLead('not-a-user', { lastName: 'Neri' });
    await a.insert('leads', lead);
    await a.idle();
    const { rejected } = await a.status();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ id: lead.id, collection: 'leads', code: 'not_owner' });
    expect(rejected[0]?.message).toMatch(/own/);
    expect(rejected[0]?.messages).toEqual({
      en: rejected[0]?.message,
      it: expect.stringMatching(/proprietario/),
    });
    expect(await a.get('leads', lead.id)).toMatchObject({ lastName: 'Neri' });
    await converge([b]);
    expect(await b.get('leads', lead.id)).toBeNull();

    await a.retry('leads', lead.id, { ...lead, ownerId: a.userId, _deleted: false });
    await converge([a, b]);
    expect((await a.status()).rejected).toEqual([]);
    expect(await b.get('leads', lead.id)).toMatchObject({ lastName: 'Neri', ownerId: a.userId });
  });

  it('keeps the other edits of a refused change to an existing record when retried', async () => {
    const lead = newLead(a.userId);
    await a.insert('leads', lead);
    await converge([a, b]);
    // Reassigning to an unknown owner is refused; the phone edit travels with it.
    await a.patch('leads', lead.id, { ownerId: 'nobody', phone: '+39 06 555', updatedAt: at(30) });
    await a.idle();
    expect((await a.status()).rejected.map((r) => r.id)).toEqual([lead.id]);
    // Meanwhile a colleague's device changes another field on the server.
    await b.patch('leads', lead.id, { rating: 'cold', updatedAt: at(31) });
    await b.idle();
    await a.idle();
    const refused = (await a.status()).rejected[0];
    expect(refused?.document).toMatchObject({ phone: '+39 06 555', ownerId: 'nobody' });

    await a.retry('leads', lead.id, { ...(refused?.document ?? {}), ownerId: a.userId });
    const [da] = await converge([a, b]);
    expect((await a.status()).rejected).toEqual([]);
    expect(byId(da?.leads, lead.id)).toMatchObject({
      phone: '+39 06 555',
      rating: 'cold',
      ownerId: a.userId,
    });
  });

  it('is accepted once corrected with a normal edit, as the seller does in the form', async () => {
    const lead = newLead('not-a-user', { lastName: 'Verdi' });
    await a.insert('leads', lead);
    await a.idle();
    expect((await a.status()).rejected.map((r) => r.id)).toEqual([lead.id]);
    await a.patch('leads', lead.id, { ownerId: a.userId, updatedBy: a.userId, updatedAt: at(41) });
    await converge([a, b]);
    expect((await a.status()).rejected).toEqual([]);
    expect(await b.get('leads', lead.id)).toMatchObject({ lastName: 'Verdi', ownerId: a.userId });
  });

  it('retries the correction made offline, not the refused version', async () => {
    const lead = newLead(a.userId, { lastName: 'Bruni' });
    await a.insert('leads', lead);
    await converge([a, b]);
    await a.patch('leads', lead.id, { ownerId: 'nobody', phone: '+39 02 111', updatedAt: at(50) });
    await a.idle();
    expect((await a.status()).rejected.map((r) => r.id)).toEqual([lead.id]);
    await a.offline();
    await a.patch('leads', lead.id, { ownerId: a.userId, updatedAt: at(51) });
    await a.retry('leads', lead.id);
    await a.online();
    await converge([a, b]);
    expect((await a.status()).rejected).toEqual([]);
    expect(await b.get('leads', lead.id)).toMatchObject({ phone: '+39 02 111', ownerId: a.userId });
  });

  it('can be discarded: a refused new record leaves the device and never reaches the server', async () => {
    const lead = newLead('not-a-user', { lastName: 'Gialli' });
    await a.insert('leads', lead);
    await a.idle();
    expect((await a.status()).rejected.map((r) => r.id)).toEqual([lead.id]);
    await a.discard('leads', lead.id);
    await converge([a, b]);
    expect((await a.status()).rejected).toEqual([]);
    expect(await a.get('leads', lead.id)).toBeNull();
    expect(await b.get('leads', lead.id)).toBeNull();
  });
});
