import { describe, expect, it } from 'vitest';
import { createPullGate } from './pull-gate';

/** Whether `promise` has settled once the queued microtasks have run. */
const settled = async (promise: Promise<void>): Promise<boolean> => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
};

describe('pull gate', () => {
  it('lets one page be fetched while the previous one is written, and holds a third', async () => {
    const gate = createPullGate(2);
    expect(await settled(gate.ready())).toBe(true);
    gate.handed(['a', 'b']);
    expect(await settled(gate.ready())).toBe(true);
    gate.handed(['c', 'd']);
    const third = gate.ready();
    expect(await settled(third)).toBe(false);
    gate.written('a');
    expect(await settled(third)).toBe(false);
    gate.written('b');
    expect(await settled(third)).toBe(true);
  });

  it('does not wait for documents pulled again after they were written', async () => {
    const gate = createPullGate(1);
    gate.handed(['a', 'b']);
    gate.written('a');
    gate.written('b');
    // A re-sync from the stored checkpoint hands them again; RxDB writes nothing for them.
    gate.handed(['a', 'b']);
    expect(await settled(gate.ready())).toBe(true);
  });

  it('releases every waiting pull when opened, and holds nothing after', async () => {
    const gate = createPullGate(0);
    gate.handed(['a']);
    const waiting = [gate.ready(), gate.ready()];
    expect(await settled(Promise.all(waiting).then(() => undefined))).toBe(false);
    gate.open();
    expect(await settled(Promise.all(waiting).then(() => undefined))).toBe(true);
    gate.handed(['b', 'c']);
    expect(await settled(gate.ready())).toBe(true);
  });

  it('lets a pull go ahead when nothing is reported written for the stall time', async () => {
    const gate = createPullGate(0, 20);
    gate.handed(['never-reported']);
    const waiting = gate.ready();
    expect(await settled(waiting)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(await settled(waiting)).toBe(true);
  });
});
