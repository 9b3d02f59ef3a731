// A pull tells how many visible documents remain after its checkpoint, so a device can show
// first-sync progress: counted with the pull's own visibility filter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checkpoint, PullResponse } from '../../shared/sync/protocol';
import type { FairleadServer } from '../src/app';
import { newId } from '../src/ids';
import { estimateRemaining } from '../src/sync/routes';
import { writeOfficeDocs } from '../src/office';
import { accountDoc, leadDoc } from './fixtures';
import type { Client, Office, Place } from './harness';
import { adapters, freshPlace, seedOffice, signIn, startServer } from './harness';

const pullPage = async (
  client: Client,
  collection: string,
  limit: number,
  from?: number | Checkpoint | null,
): Promise<PullResponse> => {
  const cp = typeof from === 'number' ? { seq: from } : from;
  const checkpoint = cp ? `&checkpoint=${encodeURIComponent(JSON.stringify(cp))}` : '';
  const res = await client.get(`/api/sync/${collection}/pull?limit=${limit}${checkpoint}`);
  expect(res.status).toBe(200);
  return (await res.json()) as PullResponse;
};

/**
 * Pulls page after page until caught up, sending back each checkpoint as a device does (or
 * only its seq, as an older device might); the `remaining` of each answer and every id seen.
 */
const pullAll = async (
  client: Client,
  collection: string,
  limit: number,
  seqOnly = false,
): Promise<{ remaining: (number | undefined)[]; ids: string[] }> => {
  const remaining: (number | undefined)[] = [];
  const ids: string[] = [];
  let checkpoint: Checkpoint | null = null;
  for (let page = 0; page < 50; page++) {
    const res = await pullPage(client, collection, limit, seqOnly ? checkpoint?.seq : checkpoint);
    remaining.push(res.remaining);
    ids.push(...res.documents.map((d) => d.id));
    checkpoint = res.checkpoint;
    if (res.documents.length === 0) break;
  }
  return { remaining, ids };
};

describe.each(adapters)('remaining documents in a pull on %s', (adapter) => {
  let place: Place;
  let server: FairleadServer;
  let office: Office;
  let anna: Client; // seller, North
  let carla: Client; // seller, North
  let marco: Client; // manager, North
  let admin: Client;
  const annaLeads: string[] = [];
  const brunoLeads: string[] = [];
  const carlaLeads: string[] = [];

  beforeAll(async () => {
    place = await freshPlace(adapter);
    server = await startServer(place);
    office = await seedOffice(server);
    [anna, carla, marco, admin] = await Promise.all([
      signIn(server, office.a.email),
      signIn(server, office.c.email),
      signIn(server, office.m.email),
      signIn(server, office.admin.email),
    ]);
    // Interleaved owners, so the other sellers' documents sit between Anna's sequences.
    const leads = [];
    for (let i = 0; i < 7; i++) {
      const mine = leadDoc(newId(), office.a.id, { lastName: `Anna ${i}` });
      const south = leadDoc(newId(), office.b.id, { lastName: `Bruno ${i}` });
      annaLeads.push(mine.id);
      brunoLeads.push(south.id);
      leads.push(mine, south);
      if (i < 2) {
        const north = leadDoc(newId(), office.c.id, { lastName: `Carla ${i}` });
        carlaLeads.push(north.id);
        leads.push(north);
      }
    }
    await writeOfficeDocs(server.storage, 'leads', leads);
    await writeOfficeDocs(server.storage, 'accounts', [
      accountDoc(newId(), office.a.id),
      accountDoc(newId(), office.b.id),
      accountDoc(newId(), office.c.id),
      accountDoc(newId(), office.b.id),
      accountDoc(newId(), office.a.id),
    ]);
  });
  afterAll(async () => {
    await server?.close();
    await place?.drop();
  });

  it('counts down from N − L to 0 over a first sync, leaving out other sellers', async () => {
    const { remaining, ids } = await pullAll(anna, 'leads', 3);
    expect(ids.sort()).toEqual([...annaLeads].sort());
    // 7 of Anna's leads by 3: 4 after the first page, 1 after the second, then none.
    expect(remaining).toEqual([4, 1, 0, 0]);
  });

  it('estimates from a checkpoint that carries no count, by the share of seqs seen', async () => {
    const { remaining, ids } = await pullAll(anna, 'leads', 3, true);
    expect(ids.sort()).toEqual([...annaLeads].sort());
    // After the second page 3 of the 6 seqs were hers, so 2 of the 3 seqs ahead; then none.
    expect(remaining).toEqual([4, 2, 0, 0]);
  });

  it('estimates later pages by the share of sequences the user saw, never above what is ahead', () => {
    expect(estimateRemaining(100, 0, 100, 1000)).toBe(900);
    expect(estimateRemaining(100, 1000, 2000, 11_000)).toBe(900);
    expect(estimateRemaining(10, 0, 1000, 1000)).toBe(0);
    expect(estimateRemaining(5, 7, 7, 20)).toBe(13);
  });

  it('counts a full last page as caught up', async () => {
    const { remaining } = await pullAll(anna, 'leads', 7);
    expect(remaining).toEqual([0, 0]);
  });

  it('counts from the checkpoint sent and sees a document written meanwhile', async () => {
    const first = await pullPage(anna, 'leads', 2);
    expect(first.remaining).toBe(5);
    const late = leadDoc(newId(), office.a.id, { lastName: 'Late' });
    const lateSouth = leadDoc(newId(), office.b.id, { lastName: 'Late south' });
    await writeOfficeDocs(server.storage, 'leads', [late, lateSouth]);
    annaLeads.push(late.id);
    brunoLeads.push(lateSouth.id);
    // The count carried from the first page goes on down; the late one is met when reached.
    const second = await pullPage(anna, 'leads', 2, first.checkpoint);
    expect(second.remaining).toBe(3);
    const fresh = await pullPage(anna, 'leads', 2, first.checkpoint?.seq);
    expect(fresh.remaining).toBeGreaterThan(0);
    const { ids } = await pullAll(anna, 'leads', 1000);
    expect(ids).toHaveLength(8);
  });

  it('counts team-shared accounts once each, and nothing of another team', async () => {
    // Anna sees her two accounts and Carla's (same team), not Bruno's two.
    const { remaining, ids } = await pullAll(anna, 'accounts', 1);
    expect(ids).toHaveLength(3);
    expect(remaining).toEqual([2, 1, 0, 0]);
  });

  it('counts a team for a manager and everything for an admin', async () => {
    const team = annaLeads.length + carlaLeads.length;
    expect((await pullPage(marco, 'leads', 2)).remaining).toBe(team - 2);
    expect((await pullPage(carla, 'leads', 1)).remaining).toBe(carlaLeads.length - 1);
    const all = annaLeads.length + brunoLeads.length + carlaLeads.length;
    expect((await pullPage(admin, 'leads', 5)).remaining).toBe(all - 5);
  });
});
