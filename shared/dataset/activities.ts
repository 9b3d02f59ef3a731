// Timeline activities: notes, calls, tasks, emails, appointments and system events on the
// records of the dataset, owned by the owner of the record they are about.
import type { Activity, RegardingType } from '../domain/records';
import { DAY_MS, audit, iso, later, newId } from './common';
import type { Rng } from './prng';
import { createRng } from './prng';

/** What an activity needs to know about the record it is about. */
export type Regardable = {
  type: RegardingType;
  id: string;
  ownerId: string;
  createdAt: string;
  state: string;
};

const subjects: Readonly<Record<Exclude<Activity['type'], 'system'>, readonly string[]>> = {
  note: [
    'Interessati anche alla linea arredo',
    'Il cliente chiede consegna entro fine mese',
    'Budget approvato dal CdA',
    'Met at the booth, wants a demo',
  ],
  phone_call: [
    'Richiamata dopo la fiera',
    'Follow-up offerta',
    'Chiarimenti tecnici',
    'Intro call',
  ],
  task: [
    'Inviare catalogo aggiornato',
    'Preparare offerta revisionata',
    'Verificare disponibilità',
  ],
  email: ['Invio scheda tecnica', 'Conferma appuntamento', 'Quotation follow-up'],
  appointment: ['Visita in stabilimento', 'Demo prodotto in sede', 'Riunione di avanzamento'],
};

const eventOf = (record: Regardable): string => {
  const byState: Readonly<Record<string, string>> = {
    qualified: 'qualified',
    disqualified: 'disqualified',
    won: 'won',
    lost: 'lost',
    active: 'activated',
    closed: 'closed',
    fulfilled: 'fulfilled',
    invoiced: 'invoiced',
    paid: 'paid',
    canceled: 'canceled',
  };
  return `${record.type}.${byState[record.state] ?? 'created'}`;
};

export const generateActivity = (rng: Rng, record: Regardable, nowMs: number): Activity => {
  const type = rng.weighted([
    ['note', 25],
    ['phone_call', 20],
    ['task', 15],
    ['email', 15],
    ['appointment', 10],
    ['system', 15],
  ] as const);
  const occurredMs = later(rng, Date.parse(record.createdAt), nowMs, 90);
  const base = audit(newId(rng, occurredMs), record.ownerId, occurredMs);
  if (type === 'system') {
    const event = eventOf(record);
    return {
      ...base,
      type,
      regardingType: record.type,
      regardingId: record.id,
      subject: event,
      body: '',
      event,
      data: { state: record.state },
      due: null,
      completedAt: base.createdAt,
      state: 'completed',
      occurredAt: base.createdAt,
    };
  }
  // Tasks, calls and appointments can still be ahead; everything else already happened.
  const scheduled = type === 'task' || type === 'appointment' || type === 'phone_call';
  const open = scheduled && rng.chance(0.4);
  const dueMs = open ? nowMs + rng.int(1, 21) * DAY_MS : occurredMs;
  const state: Activity['state'] = open ? 'open' : rng.chance(0.05) ? 'canceled' : 'completed';
  return {
    ...base,
    type,
    regardingType: record.type,
    regardingId: record.id,
    subject: rng.pick(subjects[type]),
    body: rng.chance(0.5) ? 'Dettagli nel verbale allegato; prossimo passo concordato.' : '',
    event: null,
    data: null,
    due: scheduled ? iso(dueMs) : null,
    completedAt: state === 'completed' ? base.createdAt : null,
    state,
    occurredAt: base.createdAt,
  };
};

/** The record as an activity sees it; accounts and contacts have no lifecycle state. */
export const regardable = (
  type: RegardingType,
  record: { id: string; ownerId: string; createdAt: string; state?: string },
): Regardable => ({
  type,
  id: record.id,
  ownerId: record.ownerId,
  createdAt: record.createdAt,
  state: record.state ?? 'active',
});

/** How often each kind of record gets an activity: leads and opportunities most. */
const regardingWeights: Readonly<Record<RegardingType, number>> = {
  lead: 35,
  account: 12,
  contact: 8,
  opportunity: 20,
  quote: 12,
  order: 7,
  invoice: 6,
};

/**
 * Yields `count` activities on the given records, deterministic for a seed; streamed so
 * the office's 300k activities need not sit in one array.
 */
export function* generateActivities(
  seed: number,
  count: number,
  records: readonly Regardable[],
  nowMs: number,
): Generator<Activity, void, undefined> {
  const pools = new Map<RegardingType, Regardable[]>();
  for (const record of records) {
    const pool = pools.get(record.type);
    if (pool === undefined) pools.set(record.type, [record]);
    else pool.push(record);
  }
  if (pools.size === 0) return;
  const choices = [...pools.entries()].map(
    ([type, pool]) => [pool, regardingWeights[type]] as const,
  );
  const rng = createRng(seed, 'activities');
  for (let i = 0; i < count; i++) {
    yield generateActivity(rng, rng.pick(rng.weighted(choices)), nowMs);
  }
}
