// Every lifecycle table is well formed, and everything derived from it agrees with it: the
// server's change tables, the merge's ranks, the record enums and the command guards.
import { describe, expect, it } from 'vitest';
import { compareLifecycle, lifecycleOrder, ranksOf } from '../sync/lifecycle-order';
import {
  canReach,
  editableFields,
  initialStates,
  statusMovesWithinState,
  statusesByState,
  transitions,
} from './change-tables';
import { nobody } from './deleters';
import { deletionTable } from './deletion';
import * as domain from './index';
import type { LifecycleTable } from './lifecycle-kit';
import { stateNames, statusNames } from './lifecycle-kit';
import { availableCommands, canRun, listsMove } from './lifecycle-moves';
import { leadLifecycle, lifecycleTables } from './lifecycle-tables';
import type { RecordType } from './records';
import { leadDisqualifyReasons, leadOpenStatuses, recordSchemas } from './records';
import { jsonSchemaOf } from './rx-schemas';

const tables = Object.entries(lifecycleTables) as [RecordType, LifecycleTable][];

const statusOf = (table: LifecycleTable, state: string): string =>
  Object.keys(table.states[state]?.statuses ?? {})[0] ?? '';

/** The (state, status) points of a table; status '' for types without reasons. */
const pointsOf = (table: LifecycleTable) =>
  Object.entries(table.states).flatMap(([state, s]) =>
    s.statuses === undefined
      ? [{ state, status: '' }]
      : Object.keys(s.statuses).map((status) => ({ state, status })),
  );

// A credit note starts issued and never moves (validate-change.ts starts it there).
const otherStarts: Partial<Record<RecordType, readonly string[]>> = { invoice: ['issued'] };

describe.each(tables)('the %s lifecycle table', (type, table) => {
  const states = Object.keys(table.states);
  const hasReasons = Object.values(table.states).some((s) => s.statuses !== undefined);

  it('puts every status reason in exactly one state, and gives every state one if any has', () => {
    const all = Object.values(table.states).flatMap((s) => Object.keys(s.statuses ?? {}));
    expect(new Set(all).size).toBe(all.length);
    for (const s of Object.values(table.states)) {
      if (hasReasons) expect(Object.keys(s.statuses ?? {}).length).toBeGreaterThan(0);
    }
  });

  it('moves only between states and status reasons it lists, by named commands', () => {
    expect(states).toContain(table.initial.state);
    expect(table.initial.status).toBe(hasReasons ? statusOf(table, table.initial.state) : '');
    const moves = new Set<string>();
    for (const t of table.transitions) {
      expect(states).toContain(t.from);
      expect(states).toContain(t.to);
      expect(t.to).not.toBe(t.from);
      expect(t.commands.length).toBeGreaterThan(0);
      expect(t.fields.length).toBeGreaterThan(0);
      expect(moves.has(`${t.from}>${t.to}`)).toBe(false);
      moves.add(`${t.from}>${t.to}`);
    }
    for (const m of table.statusMoves ?? []) {
      const reasons = Object.keys(table.states[m.state]?.statuses ?? {});
      expect(reasons).toContain(m.from);
      expect(reasons).toContain(m.to);
      expect(m.to).not.toBe(m.from);
      expect(m.commands.length).toBeGreaterThan(0);
    }
  });

  it('names only commands the domain exports', () => {
    const commands = [...table.transitions, ...(table.statusMoves ?? [])].flatMap(
      (m) => m.commands,
    );
    const exported = domain as Record<string, unknown>;
    for (const c of commands) expect(typeof exported[c], c).toBe('function');
  });

  it('never ranks a move lower than where it starts, except the listed steps back', () => {
    const rank = ranksOf(table);
    for (const t of table.transitions) {
      const [from, to] = [table.states[t.from]?.rank ?? NaN, table.states[t.to]?.rank ?? NaN];
      if (t.backwards === true) expect(to, `${t.from} → ${t.to}`).toBeLessThan(from);
      else expect(to, `${t.from} → ${t.to}`).toBeGreaterThan(from);
      // The merge agrees, whatever status reasons the two sides have.
      for (const a of pointsOf(table).filter((p) => p.state === t.from)) {
        for (const b of pointsOf(table).filter((p) => p.state === t.to)) {
          expect(Math.sign(compareLifecycle(rank, b, a))).toBe(t.backwards === true ? -1 : 1);
        }
      }
    }
    for (const m of table.statusMoves ?? []) {
      const reasons = table.states[m.state]?.statuses ?? {};
      const [from, to] = [reasons[m.from] ?? NaN, reasons[m.to] ?? NaN];
      if (m.backwards === true) expect(to, `${m.from} → ${m.to}`).toBeLessThan(from);
      else expect(to, `${m.from} → ${m.to}`).toBeGreaterThanOrEqual(from);
    }
  });

  it('reaches every state from where a new document starts', () => {
    const start = initialStates[type];
    if (start === undefined) throw new Error(`${type} has no start`);
    const starts = otherStarts[type] ?? [];
    for (const p of pointsOf(table).filter((q) => !starts.includes(q.state))) {
      expect(canReach(type, start, p), `${p.state}/${p.status}`).toBe(true);
    }
  });

  it('is what the server checks: status reasons, moves, editable fields, start', () => {
    expect(initialStates[type]).toEqual(table.initial);
    if (hasReasons) {
      expect(statusesByState[type]).toEqual(
        Object.fromEntries(states.map((s) => [s, Object.keys(table.states[s]?.statuses ?? {})])),
      );
    } else {
      expect(statusesByState[type]).toBeUndefined();
    }
    const moves = Object.entries(transitions[type] ?? {}).flatMap(([from, tos]) =>
      tos.map((to) => `${from}>${to}`),
    );
    expect(moves.sort()).toEqual(table.transitions.map((t) => `${t.from}>${t.to}`).sort());
    const within = Object.entries(statusMovesWithinState[type] ?? {}).flatMap(([from, tos]) =>
      tos.map((to) => `${from}>${to}`),
    );
    expect(within.sort()).toEqual((table.statusMoves ?? []).map((m) => `${m.from}>${m.to}`).sort());
    for (const t of table.transitions)
      expect(editableFields[type]?.[t.from]?.[t.to]).toBe(t.fields);
    for (const [state, s] of Object.entries(table.states)) {
      expect(editableFields[type]?.[state]?.[state]).toBe(s.edits);
    }
  });

  it('is what the merge ranks by', () => {
    expect(lifecycleOrder[type]).toEqual(ranksOf(table));
  });

  it('is who may delete a document in each state (none given: nobody)', () => {
    for (const [state, s] of Object.entries(table.states)) {
      expect(deletionTable[type][state]).toEqual(s.deletion ?? nobody);
    }
  });

  it('is what the record schema accepts as state and status', () => {
    const shape = recordSchemas[type].shape as Record<string, { options?: readonly string[] }>;
    expect(shape['state']?.options).toEqual(stateNames(table));
    if (hasReasons) expect(shape['status']?.options).toEqual(statusNames(table));
    else expect(shape['status']).toBeUndefined();
  });

  it('offers each command exactly where the table lists a move by it', () => {
    for (const p of pointsOf(table)) {
      const doc = hasReasons ? p : { state: p.state };
      const offered = availableCommands(type, doc);
      for (const t of table.transitions.filter((x) => x.from === p.state)) {
        for (const c of t.commands) expect(canRun(type, c, doc)).toBe(true);
        const target = { state: t.to, ...(hasReasons ? { status: statusOf(table, t.to) } : {}) };
        expect(listsMove(type, t.commands[0] ?? '', doc, target)).toBe(true);
      }
      const listed = [
        ...table.transitions.filter((x) => x.from === p.state),
        ...(table.statusMoves ?? []).filter((m) => m.state === p.state && m.from === p.status),
      ].flatMap((m) => m.commands);
      expect([...offered].sort()).toEqual([...new Set(listed)].sort());
    }
  });
});

describe('the derived enums', () => {
  // The RxDB collection schemas are built from these lists: a different order or spelling
  // would make RxDB demand a schema version bump.
  it('keep the values and order the stored collection schemas were built with', () => {
    const enumOf = (type: RecordType, field: string): unknown =>
      (jsonSchemaOf(type)['properties'] as Record<string, { enum?: unknown }>)[field]?.enum;
    expect(enumOf('lead', 'state')).toEqual(['open', 'qualified', 'disqualified']);
    expect(enumOf('lead', 'status')).toEqual([
      'new',
      'contacted',
      'qualified',
      'lost',
      'cannot_contact',
      'no_longer_interested',
      'canceled',
    ]);
    expect(enumOf('opportunity', 'state')).toEqual(['open', 'won', 'lost']);
    expect(enumOf('opportunity', 'status')).toEqual([
      'in_progress',
      'on_hold',
      'won',
      'canceled',
      'out_sold',
    ]);
    expect(enumOf('quote', 'state')).toEqual(['draft', 'active', 'won', 'closed']);
    expect(enumOf('quote', 'status')).toEqual([
      'in_progress',
      'open',
      'won',
      'lost',
      'canceled',
      'revised',
    ]);
    expect(enumOf('order', 'state')).toEqual(['active', 'fulfilled', 'invoiced', 'canceled']);
    expect(enumOf('order', 'status')).toEqual(['new', 'fulfilled', 'invoiced', 'canceled']);
    expect(enumOf('invoice', 'state')).toEqual(['active', 'paid', 'canceled', 'issued']);
    expect(enumOf('invoice', 'status')).toEqual(['billed', 'paid', 'canceled', 'issued']);
    expect(enumOf('activity', 'state')).toEqual(['open', 'completed', 'canceled']);
  });

  it('split the lead status reasons by state', () => {
    expect(leadOpenStatuses).toEqual(['new', 'contacted']);
    expect(leadDisqualifyReasons).toEqual(statusNames(leadLifecycle, 'disqualified'));
    expect(leadDisqualifyReasons).toEqual([
      'lost',
      'cannot_contact',
      'no_longer_interested',
      'canceled',
    ]);
  });
});
