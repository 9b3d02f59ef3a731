// A manager gives a seller's lead and opportunity to another seller of the team: at the next
// sync the new owner's laptop has them with their timeline and the opportunity's quote, and
// the previous owner's laptop no longer does (the account stays: the team shares accounts).
// Given back, they return.
// Three devices in worker threads, each with its own store, a real server (SQLite, and
// PostgreSQL when FAIRLEAD_TEST_PG_URL is set).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Place } from '../../server/test/harness';
import { adapters, freshPlace } from '../../server/test/harness';
import type { Device } from './harness';
import { startDevice, startOffice } from './harness';

type Doc = Record<string, unknown>;

describe.each(adapters)('reassigning records between sellers (%s)', (adapter) => {
  let office: Awaited<ReturnType<typeof startOffice>>;
  let place: Place | undefined;
  let anna: Device;
  let bruno: Device;
  let manager: Device;
  let leadId = '';
  let opportunityId = '';
  let accountId = '';
  let quoteId = '';

  beforeAll(async () => {
    if (adapter === 'postgres') place = await freshPlace('postgres');
    office = await startOffice(place?.databaseUrl);
    await office.addSeller('anna@fairlead.example');
    await office.addSeller('bruno@fairlead.example');
    await office.addManager('marta@fairlead.example');
    anna = await startDevice(`anna-${adapter}`, office.url, 'anna@fairlead.example');
    bruno = await startDevice(`bruno-${adapter}`, office.url, 'bruno@fairlead.example');
    manager = await startDevice(`marta-${adapter}`, office.url, 'marta@fairlead.example');
  }, 90_000);

  afterAll(async () => {
    await Promise.all([anna, bruno, manager].map((d) => d?.stop()));
    await office?.close();
    await place?.drop();
  });

  const newLead = (company: string) =>
    anna.command<Doc>('lead', 'create', {
      firstName: 'Chiara',
      lastName: 'Neri',
      company,
      email: `chiara@${company.toLowerCase().replace(/\W/g, '')}.it`,
      topic: 'Linea di imbottigliamento',
      source: 'trade_fair',
      sourceDetail: 'SIMEI 2026',
      rating: 'warm',
    });

  it('lets only the manager give records away', async () => {
    const lead = await newLead('Cantine Neri');
    leadId = String(lead.id);
    const qualified = await anna.command<{ opportunityId: string }>('lead', 'qualify', {
      id: String((await newLead('Vini Sereni')).id),
    });
    opportunityId = qualified.opportunityId;
    accountId = String((await anna.get('opportunities', opportunityId))?.accountId);
    await anna.command('opportunity', 'addLine', {
      id: opportunityId,
      line: {
        kind: 'write_in',
        name: 'Riempitrice',
        unitPrice: 1_250_000,
        quantity: 1,
        discount: 0,
        vatRate: 2200,
      },
    });
    quoteId = String((await anna.command<Doc>('quote', 'create', { opportunityId })).id);
    await anna.idle();
    await manager.idle();
    expect(await manager.get('leads', leadId)).toMatchObject({ ownerId: anna.userId });
    expect(await manager.get('opportunities', opportunityId)).not.toBeNull();
    await expect(
      anna.command('record', 'reassign', { type: 'lead', id: leadId, toUserId: bruno.userId }),
    ).rejects.toThrow(/reassign.not_manager/);
    await expect(
      manager.command('record', 'reassign', { type: 'lead', id: leadId, toUserId: manager.userId }),
    ).rejects.toThrow(/reassign.not_in_team/);
  }, 90_000);

  it('moves them to the new owner and off the previous owner’s device at the next sync', async () => {
    for (const [type, id] of [
      ['lead', leadId],
      ['opportunity', opportunityId],
      ['account', accountId],
    ] as const) {
      await manager.command('record', 'reassign', { type, id, toUserId: bruno.userId });
    }
    await manager.idle();
    await bruno.idle();
    await anna.idle();

    expect(await bruno.get('leads', leadId)).toMatchObject({ ownerId: bruno.userId });
    expect(await bruno.get('opportunities', opportunityId)).toMatchObject({
      ownerId: bruno.userId,
    });
    expect(await anna.get('leads', leadId)).toBeNull();
    expect(await anna.get('opportunities', opportunityId)).toBeNull();
    // The opportunity's quote and its timeline went with it: Bruno can carry the deal on.
    expect(await bruno.get('quotes', quoteId)).toMatchObject({ ownerId: bruno.userId });
    expect(await anna.get('quotes', quoteId)).toBeNull();
    const quoteTimeline = ((await bruno.dump()).activities ?? []).filter(
      (a) => a.regardingId === quoteId,
    );
    expect(quoteTimeline.length).toBeGreaterThan(0);
    expect(quoteTimeline.every((a) => a.ownerId === bruno.userId)).toBe(true);
    await bruno.command('quote', 'activate', { id: quoteId });
    await bruno.idle();
    await manager.idle();
    expect(await manager.get('quotes', quoteId)).toMatchObject({ state: 'active' });
    // Accounts are shared by the team: Anna still sees it, now Bruno's.
    expect(await anna.get('accounts', accountId)).toMatchObject({ ownerId: bruno.userId });

    // The timeline went along: the creation event and the reassignment, on Bruno's laptop.
    const timeline = ((await bruno.dump()).activities ?? []).filter(
      (a) => a.regardingId === leadId,
    );
    expect(timeline.map((a) => a.event).sort()).toEqual(['lead.created', 'record.reassigned']);
    expect(timeline.every((a) => a.ownerId === bruno.userId)).toBe(true);
    const left = ((await anna.dump()).activities ?? []).filter((a) => a.regardingId === leadId);
    expect(left).toEqual([]);
  }, 90_000);

  it('brings a record back to a device when it is given back', async () => {
    await manager.command('record', 'reassign', {
      type: 'lead',
      id: leadId,
      toUserId: anna.userId,
    });
    await manager.idle();
    await anna.idle();
    await bruno.idle();
    expect(await anna.get('leads', leadId)).toMatchObject({ ownerId: anna.userId });
    expect(await bruno.get('leads', leadId)).toBeNull();
    // Still editable by its owner, and the edit reaches the manager.
    await anna.command('lead', 'update', { id: leadId, patch: { jobTitle: 'Enologa' } });
    await anna.idle();
    await manager.idle();
    expect(await manager.get('leads', leadId)).toMatchObject({ jobTitle: 'Enologa' });
  }, 90_000);
});
