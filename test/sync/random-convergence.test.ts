// Randomized convergence: three devices of one seller make random offline edits while going
// on and offline at random, with a server restart in the middle. Seeded, so a failure can
// be replayed with the printed seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device } from './harness';
import { converge, startDevice, startOffice } from './harness';
import { at, newLead } from './fixtures';

type Doc = Record<string, unknown>;

const mulberry32 = (seed: number) => () => {
  let t = (seed += 0x6d2b79f5);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const SEED = Number(process.env.FAIRLEAD_SYNC_SEED ?? 20260310);
const ROUNDS = 8;
// Each device owns some fields; `notes` is edited by all of them, so it clashes.
const OWNED = [
  ['phone', 'jobTitle'],
  ['mobile', 'website'],
  ['topic', 'need'],
] as const;
const SHARED = 'notes';

type Write = { order: number; device: number; id: string; field: string; value: string };

describe('three devices, random offline edits, a server restart', () => {
  let office: Awaited<ReturnType<typeof startOffice>>;
  let devices: Device[] = [];

  beforeAll(async () => {
    office = await startOffice();
    await office.addSeller('luca@fairlead.example');
    for (const name of ['laptop', 'tablet', 'phone']) {
      devices.push(await startDevice(name, office.url, 'luca@fairlead.example'));
    }
  });

  afterAll(async () => {
    await Promise.all(devices.map((d) => d.stop()));
    devices = [];
    await office?.close();
  });

  it(`converges and keeps every accepted write (seed ${SEED})`, { timeout: 300_000 }, async () => {
    const random = mulberry32(SEED);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const owner = devices[0]!.userId;
    const writes: Write[] = [];
    const deletes: { order: number; id: string }[] = [];
    const online = devices.map(() => true);
    let order = 0;
    let minute = 0;

    for (let round = 0; round < ROUNDS; round++) {
      if (round === ROUNDS / 2) await office.restart();
      for (const [i, device] of devices.entries()) {
        if (random() < 0.35) {
          online[i] = !online[i];
          await (online[i] ? device.online() : device.offline());
        }
        const ops = 1 + Math.floor(random() * 3);
        for (let k = 0; k < ops; k++) {
          const local = ((await device.dump()).leads ?? []) as Doc[];
          const roll = random();
          minute += 1;
          if (local.length < 2 || roll < 0.2) {
            const lead = newLead(owner, { updatedAt: at(minute) });
            await device.insert('leads', lead);
            writes.push({
              order: order++,
              device: i,
              id: lead.id,
              field: 'lastName',
              value: lead.lastName,
            });
          } else if (roll < 0.27) {
            const id = String(pick(local).id);
            await device.remove('leads', id);
            deletes.push({ order: order++, id });
          } else {
            const id = String(pick(local).id);
            const field = random() < 0.3 ? SHARED : pick(OWNED[i]!);
            const value = `${field} r${round} d${i} #${order}`;
            await device.patch('leads', id, { [field]: value, updatedAt: at(minute) });
            writes.push({ order: order++, device: i, id, field, value });
          }
        }
      }
      // Sometimes let an online device catch up before the next round (offline ones cannot).
      const k = Math.floor(random() * devices.length);
      if (random() < 0.5 && online[k] === true) await devices[k]!.idle();
    }

    for (const device of devices) await device.online();
    const dumps = await converge(devices, 30);
    for (const d of dumps) expect(d).toEqual(dumps[0]);
    const leads = new Map(((dumps[0]?.leads ?? []) as Doc[]).map((l) => [String(l.id), l]));
    const conflicts = ((dumps[0]?.activities ?? []) as Doc[]).filter(
      (a) => a.event === 'sync.conflict',
    );

    for (const w of writes) {
      const lead = leads.get(w.id);
      if (lead === undefined) {
        // Only a deletion issued after this write may remove it; a concurrent one loses.
        expect(
          deletes.some((d) => d.id === w.id && d.order > w.order),
          `${w.id} vanished`,
        ).toBe(true);
        continue;
      }
      if (w.field === SHARED) {
        const kept =
          lead[w.field] === w.value ||
          writes.some((o) => o.id === w.id && o.field === w.field && o.order > w.order) ||
          conflicts.some((c) => {
            const data = c.data as Doc;
            return (
              c.regardingId === w.id &&
              (data.localValue === w.value || data.masterValue === w.value)
            );
          });
        expect(kept, `notes write #${w.order} lost`).toBe(true);
      } else {
        // Owned fields: nobody else writes them, so the device's last write is the value.
        const last = writes
          .filter((o) => o.id === w.id && o.field === w.field && o.device === w.device)
          .at(-1);
        expect(lead[w.field], `${w.field} of ${w.id}`).toBe(last?.value);
      }
    }
    for (const device of devices) {
      const status = await device.status();
      expect(status).toMatchObject({ online: true, pending: 0, rejected: [] });
    }
  });
});
