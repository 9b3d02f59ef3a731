import { afterEach, describe, expect, it } from 'vitest';
import type { FairleadDatabase } from '../database';
import { openTestDatabase } from '../test-support';
import { createSyncJournal } from './sync-journal';

describe('sync journal', () => {
  let db: FairleadDatabase | undefined;
  afterEach(async () => {
    await db?.remove();
    db = undefined;
  });

  it('records runs with what they moved and how they ended, newest first, across restarts', async () => {
    db = await openTestDatabase();
    const journal = await createSyncJournal(db, () => undefined);
    journal.pulled('leads', 120, '2026-12-01T09:00:01.000Z');
    journal.completed('2026-12-01T09:00:05.000Z');
    journal.pushed(2, 1, '2026-12-01T09:10:00.000Z');
    journal.failed('2026-12-01T09:10:02.000Z', {
      en: 'The server is not answering.',
      it: 'Il server non risponde.',
    });
    journal.pulled('accounts', 3, '2026-12-01T09:20:00.000Z');
    journal.interrupted('2026-12-01T09:20:01.000Z');
    expect(journal.history().map((r) => [r.outcome, r.pulled, r.pushed, r.refused])).toEqual([
      ['offline', 3, 0, 0],
      ['failed', 0, 2, 1],
      ['ok', 120, 0, 0],
    ]);
    expect(journal.history()[1]?.message?.it).toBe('Il server non risponde.');
    expect(journal.lastPullAt()).toEqual({
      leads: '2026-12-01T09:00:01.000Z',
      accounts: '2026-12-01T09:20:00.000Z',
    });
    await journal.flush();
    const reopened = await createSyncJournal(db, () => undefined);
    expect(reopened.history()).toEqual(journal.history());
    expect(reopened.lastPullAt()).toEqual(journal.lastPullAt());
  });

  it('folds runs that found nothing into one, and keeps a short history', async () => {
    db = await openTestDatabase();
    const journal = await createSyncJournal(db, () => undefined);
    for (let minute = 10; minute < 40; minute++) {
      journal.pulled('leads', 0, `2026-12-01T09:${minute}:00.000Z`);
      journal.completed(`2026-12-01T09:${minute}:01.000Z`);
    }
    expect(journal.history()).toHaveLength(1);
    expect(journal.history()[0]?.endedAt).toBe('2026-12-01T09:39:01.000Z');
    for (let minute = 40; minute < 60; minute++) {
      journal.pulled('leads', 1, `2026-12-01T09:${minute}:00.000Z`);
      journal.completed(`2026-12-01T09:${minute}:01.000Z`);
    }
    expect(journal.history()).toHaveLength(10);
    expect(journal.history()[0]?.endedAt).toBe('2026-12-01T09:59:01.000Z');
  });
});
