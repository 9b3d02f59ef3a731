import { firstValueFrom } from 'rxjs';
import { filter } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../shared/domain/context';
import { createCommands } from '../commands/index';
import type { FairleadDatabase } from '../database';
import { openTestDatabase, unwrap } from '../test-support';
import { search$ } from './search';

const seller: Actor = { userId: 'user-seller', role: 'seller', teamId: null };
let db: FairleadDatabase;
beforeEach(async () => {
  db = await openTestDatabase();
});
afterEach(async () => {
  await db.remove();
});

describe('live search across leads, accounts and contacts', () => {
  it('shows records as they are captured, qualified and edited', async () => {
    const commands = createCommands(db, seller);
    const results$ = search$(db, 'sbard');
    expect(await firstValueFrom(results$)).toEqual([]);

    const lead = unwrap(
      await commands.lead.create({
        firstName: 'Nicolò',
        lastName: 'Sbardellà',
        company: 'Sbardella Impianti Srl',
        email: 'nicolo@sbardella.it',
      }),
    );
    const hits = await firstValueFrom(results$.pipe(filter((h) => h.length > 0)));
    expect(hits.map((h) => [h.type, h.id])).toEqual([['lead', lead.id]]);

    unwrap(await commands.lead.qualify({ id: lead.id }));
    const after = await firstValueFrom(results$.pipe(filter((h) => h.length >= 3)));
    expect(after.map((h) => h.type).sort()).toEqual(['account', 'contact', 'lead']);

    const account = after.find((h) => h.type === 'account');
    unwrap(
      await commands.account.update({
        id: account?.id as string,
        patch: { name: 'Impianti Zeta' },
      }),
    );
    const renamed = await firstValueFrom(search$(db, 'zeta impianti'));
    expect(renamed.map((h) => h.id)).toEqual([account?.id]);
    const byEmail = await firstValueFrom(search$(db, 'nicolo@sbard'));
    expect(byEmail.some((h) => h.type === 'contact')).toBe(true);
  });
});
