// Fair mode on a real store: fairs made and edited by commands, captures tagged with the fair
// and its answers checked against its questions, the fair's leads and counts, and leads of
// lead schema version 1 migrated to version 2 (no fair, no answers).
import { createRxDatabase } from 'rxdb';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { generateLeads } from '../../shared/dataset/leads';
import type { Actor } from '../../shared/domain/context';
import type { Lead } from '../../shared/domain/records';
import { createCommands } from './commands/index';
import type { FairleadDatabase } from './database';
import { fairLeads$, leadCountsByFair$, tradeFairs$ } from './queries/fairs';
import type { LeadV1 } from './schema/lead-v0';
import { leadSchemaV1 } from './schema/lead-v0';
import { openTestDatabase, steppingClock, testStorage, uniqueName, unwrap } from './test-support';

const seller: Actor = { userId: 'user-seller', role: 'seller', teamId: null };

let db: FairleadDatabase | undefined;
afterEach(async () => {
  await db?.remove();
  db = undefined;
});

const eima = {
  name: 'EIMA 2026',
  place: 'Bologna',
  startDate: '2026-11-11',
  endDate: '2026-11-15',
  booth: 'Hall 19 B12',
  questions: [
    { kind: 'yes_no' as const, label: 'Interested in cranes?', options: [] },
    { kind: 'one_choice' as const, label: 'Budget range', options: ['<10k', '10-50k', '>50k'] },
    { kind: 'several_choices' as const, label: 'Product lines', options: ['Cranes', 'Hoists'] },
    { kind: 'number' as const, label: 'Staff', options: [] },
    { kind: 'text' as const, label: 'Timeframe', options: [] },
  ],
};

describe('trade fairs on the device', () => {
  it('creates and edits a fair, keeping question ids so answers stay attached', async () => {
    db = await openTestDatabase();
    const commands = createCommands(db, seller, { clock: steppingClock() });
    const fair = unwrap(await commands.tradeFair.create(eima));
    expect(fair).toMatchObject({ name: 'EIMA 2026', ownerId: seller.userId, booth: 'Hall 19 B12' });
    expect(fair.questions.map((q) => q.kind)).toEqual([
      'yes_no',
      'one_choice',
      'several_choices',
      'number',
      'text',
    ]);
    const edited = unwrap(
      await commands.tradeFair.update({
        id: fair.id,
        patch: { booth: 'Hall 20 A1', questions: [...fair.questions.slice(0, 2)] },
      }),
    );
    expect(edited.questions.map((q) => q.id)).toEqual(fair.questions.slice(0, 2).map((q) => q.id));
    expect((await firstValueFrom(tradeFairs$(db))).map((f) => f.booth)).toEqual(['Hall 20 A1']);

    const backwards = await commands.tradeFair.update({
      id: fair.id,
      patch: { endDate: '2026-11-01' },
    });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'fair.ends_before_start' } });
    const noOptions = await commands.tradeFair.create({
      ...eima,
      questions: [{ kind: 'one_choice', label: 'Budget', options: ['only one'] }],
    });
    expect(noOptions.ok ? '' : noOptions.error.message.it).toMatch(/almeno due opzioni/);
  });

  it('tags captures with the fair, checks the answers and counts the leads per fair', async () => {
    db = await openTestDatabase();
    const commands = createCommands(db, seller, { clock: steppingClock() });
    const fair = unwrap(await commands.tradeFair.create(eima));
    const other = unwrap(await commands.tradeFair.create({ ...eima, name: 'Bauma' }));
    const [interested, budget, lines, staff, timeframe] = fair.questions.map((q) => q.id) as [
      string,
      string,
      string,
      string,
      string,
    ];
    const atFair = (lastName: string, fairAnswers: Lead['fairAnswers'], tradeFairId = fair.id) =>
      commands.lead.create({
        lastName,
        source: 'trade_fair',
        sourceDetail: fair.name,
        tradeFairId,
        fairAnswers,
      });
    const anna = unwrap(
      await atFair('Rossi', [
        { questionId: timeframe, value: 'next spring' },
        { questionId: interested, value: true },
        { questionId: budget, value: '10-50k' },
        { questionId: lines, value: ['Hoists'] },
        { questionId: staff, value: 40 },
      ]),
    );
    // Stored in the fair's order of questions.
    expect(anna.fairAnswers.map((a) => a.questionId)).toEqual([
      interested,
      budget,
      lines,
      staff,
      timeframe,
    ]);
    expect(anna.tradeFairId).toBe(fair.id);
    // A blank answer is not kept.
    const bruno = unwrap(await atFair('Bianchi', [{ questionId: timeframe, value: '' }]));
    expect(bruno.fairAnswers).toEqual([]);
    unwrap(await atFair('Verdi', [], other.id));

    const wrongChoice = await atFair('Neri', [{ questionId: budget, value: 'a lot' }]);
    expect(wrongChoice).toMatchObject({ ok: false, error: { field: 'fairAnswers' } });
    expect(wrongChoice.ok ? '' : wrongChoice.error.message.en).toMatch(/Budget range.*options/);
    const notANumber = await atFair('Neri', [{ questionId: staff, value: 'forty' }]);
    expect(notANumber.ok ? '' : notANumber.error.message.it).toMatch(/inserisci un numero/);
    const noFair = await atFair('Neri', [], 'no-such-fair');
    expect(noFair).toMatchObject({ ok: false, error: { code: 'fair.not_found' } });
    const answersAlone = await commands.lead.create({
      lastName: 'Neri',
      fairAnswers: [{ questionId: staff, value: 1 }],
    });
    expect(answersAlone).toMatchObject({ ok: false, error: { code: 'fair.answers_without_fair' } });

    const leads = await firstValueFrom(fairLeads$(db, fair.id));
    expect(leads.map((l) => l.lastName).sort()).toEqual(['Bianchi', 'Rossi']);
    expect(await firstValueFrom(leadCountsByFair$(db))).toEqual({ [fair.id]: 2, [other.id]: 1 });
  });
});

describe('lead schema version 2', () => {
  it('migrates version 1 leads: captured outside fair mode', async () => {
    const name = uniqueName('fairlead-migrate');
    const old = await createRxDatabase({
      name,
      storage: wrappedValidateAjvStorage({ storage: testStorage() }),
      multiInstance: false,
    });
    // Written as version 1 from the start: its own v0 → v1 step is never run here.
    await old.addCollections({
      leads: { schema: leadSchemaV1(), migrationStrategies: { 1: (d: LeadV1) => d } },
    });
    const lead = generateLeads(3, 1, ['owner-1']).next().value as Lead;
    const { tradeFairId: _f, fairAnswers: _a, ...v1 } = lead;
    await old.collections['leads']?.insert(v1 satisfies LeadV1);
    await old.close();

    db = await openTestDatabase(name);
    const migrated = (await db.leads.findOne(lead.id).exec())?.toMutableJSON();
    expect(migrated).toMatchObject({ ...v1, tradeFairId: null, fairAnswers: [] });
  });
});
