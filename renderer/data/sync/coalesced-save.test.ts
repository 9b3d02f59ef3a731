// The local documents of the sync screen and the waiting count are written in bursts; a
// failed write is reported and tried again until the stored state is the latest one.
import { describe, expect, it } from 'vitest';
import { createCoalescedSave } from './coalesced-save';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a coalesced local-document save', () => {
  it('writes the latest state once per burst', async () => {
    let state = 0;
    const stored: number[] = [];
    const saver = createCoalescedSave(
      async () => void stored.push(state),
      () => undefined,
    );
    for (const next of [1, 2, 3]) {
      state = next;
      saver.schedule();
    }
    await saver.flush();
    expect(stored).toEqual([3]);
  });

  it('reports a failed write and tries again until it is stored', async () => {
    let attempts = 0;
    const failures: unknown[] = [];
    const stored: string[] = [];
    const saver = createCoalescedSave(
      async () => {
        if (attempts++ < 2) throw new Error('QuotaExceededError: the disk is full');
        stored.push('latest');
      },
      (error) => failures.push(error),
      5,
    );
    saver.schedule();
    await saver.flush();
    expect(failures).toHaveLength(1);
    expect(stored).toEqual([]);
    for (let i = 0; i < 50 && stored.length === 0; i++) await pause(5);
    expect(failures).toHaveLength(2);
    expect(stored).toEqual(['latest']);
    saver.stop();
  });

  it('stops trying once saving stops', async () => {
    let attempts = 0;
    const saver = createCoalescedSave(
      () => Promise.reject(new Error(`failure ${++attempts}`)),
      () => undefined,
      5,
    );
    saver.schedule();
    await saver.flush();
    saver.stop();
    await pause(30);
    expect(attempts).toBe(1);
  });
});
