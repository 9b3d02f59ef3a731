// Trade fairs on the server: the office adds them from the command line (`fair add|list`),
// sellers push their own; everyone pulls every fair, only the owner (their manager, the office)
// changes one; leads carry the fair and its answers, and older devices' leads still pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TradeFair } from '../../shared/domain/records';
import type { PullResponse, PushResponse } from '../../shared/sync/protocol';
import type { FairleadServer } from '../src/app';
import { runAdmin } from '../src/admin';
import { newId } from '../src/ids';
import { leadDoc } from './fixtures';
import type { Client, Office, Place } from './harness';
import { adapters, freshPlace, seedOffice, signIn, startServer } from './harness';

const push = async (client: Client, collection: string, docs: unknown[]): Promise<PushResponse> => {
  const res = await client.post(
    `/api/sync/${collection}/push`,
    docs.map((newDocumentState) => ({ newDocumentState, assumedMasterState: null })),
  );
  expect(res.status).toBe(200);
  return (await res.json()) as PushResponse;
};

const pullFairs = async (client: Client): Promise<TradeFair[]> => {
  const res = await client.get('/api/sync/tradefairs/pull?limit=1000');
  expect(res.status).toBe(200);
  return ((await res.json()) as PullResponse).documents as unknown as TradeFair[];
};

describe.each(adapters)('trade fairs on %s', (adapter) => {
  let place: Place;
  let server: FairleadServer;
  let office: Office;
  const admin = (...argv: string[]) => runAdmin(server.storage, argv);

  beforeAll(async () => {
    place = await freshPlace(adapter);
    server = await startServer(place);
    office = await seedOffice(server);
  });
  afterAll(async () => {
    await server?.close();
    await place?.drop();
  });

  it('adds office fairs from the command line, refusing bad ones in plain words', async () => {
    expect(await admin('fair', 'list')).toMatch(/No trade fairs yet/);
    await expect(admin('fair', 'add', '--start', '2026-11-11')).rejects.toThrow(
      /--name is required/,
    );
    await expect(
      admin('fair', 'add', '--name', 'EIMA', '--start', '2026-11-11', '--end', '2026-11-01'),
    ).rejects.toThrow(/cannot end before it starts/);
    await expect(
      admin(
        'fair',
        'add',
        '--name',
        'EIMA',
        '--start',
        '2026-11-11',
        '--questions',
        'maybe Budget?',
      ),
    ).rejects.toThrow(/"maybe Budget\?" is not a question/);
    await expect(
      admin(
        'fair',
        'add',
        '--name',
        'EIMA',
        '--start',
        '2026-11-11',
        '--questions',
        'one_choice Budget',
      ),
    ).rejects.toThrow(/at least two options/);
    const added = await admin(
      'fair',
      'add',
      '--name',
      'EIMA 2026',
      '--place',
      'Bologna',
      '--start',
      '2026-11-11',
      '--end',
      '2026-11-15',
      '--booth',
      'Hall 19 B12',
      '--questions',
      'yes_no Interested in cranes?; one_choice Budget range = <10k | 10-50k | >50k; number Staff',
    );
    expect(added).toMatch(/Added the fair EIMA 2026 \(2026-11-11 to 2026-11-15\) with 3 questions/);
    expect(await admin('fair', 'list')).toMatch(
      /^2026-11-11\.\.2026-11-15\tEIMA 2026\tBologna\tbooth Hall 19 B12\t3 questions\toffice$/,
    );
  });

  it('shows every fair to everyone; only the owner changes a fair', async () => {
    const anna = await signIn(server, office.a.email);
    const bruno = await signIn(server, office.b.email);
    const at = new Date().toISOString();
    const own: TradeFair & { _deleted: boolean } = {
      id: newId(),
      ownerId: office.a.id,
      createdAt: at,
      updatedAt: at,
      updatedBy: office.a.id,
      name: 'Open house Padova',
      place: 'Padova',
      startDate: '2026-12-01',
      endDate: '2026-12-01',
      booth: '',
      questions: [{ id: 'q1', kind: 'text', label: 'Which machine?', options: [] }],
      _deleted: false,
    };
    expect((await push(anna, 'tradefairs', [own])).rejected).toEqual([]);
    const backwards = await push(anna, 'tradefairs', [
      { ...own, id: newId(), startDate: '2026-12-02' },
    ]);
    expect(backwards.rejected[0]?.messages.it).toMatch(/non può finire prima di iniziare/);

    // Bruno is in another team and still sees both fairs: the office's and Anna's.
    const seen = await pullFairs(bruno);
    expect(seen.map((f) => f.name).sort()).toEqual(['EIMA 2026', 'Open house Padova']);
    const office$ = seen.find((f) => f.name === 'EIMA 2026')!;
    const renamed = await push(bruno, 'tradefairs', [
      { ...own, name: 'Mine now', updatedBy: office.b.id, updatedAt: new Date().toISOString() },
    ]);
    expect(renamed.rejected[0]?.code).toBe('forbidden');
    const officeEdit = await push(bruno, 'tradefairs', [
      {
        ...office$,
        booth: 'B1',
        updatedBy: office.b.id,
        updatedAt: new Date().toISOString(),
        _deleted: false,
      },
    ]);
    // The office is no user a seller may write for: refused before the owner check.
    expect(officeEdit.rejected[0]?.code).toBe('not_owner');
  });

  it('keeps a lead with its fair and answers, and still takes leads of older devices', async () => {
    const anna = await signIn(server, office.a.email);
    const [fair] = (await pullFairs(anna)).filter((f) => f.name === 'EIMA 2026');
    const [interested, budget] = fair!.questions;
    const tagged = leadDoc(newId(), office.a.id, {
      tradeFairId: fair!.id,
      fairAnswers: [
        { questionId: interested!.id, value: true },
        { questionId: budget!.id, value: '10-50k' },
      ],
    });
    const { tradeFairId: _f, fairAnswers: _a, ...older } = leadDoc(newId(), office.a.id);
    const result = await push(anna, 'leads', [tagged, older]);
    expect(result.rejected).toEqual([]);
    const stored = await server.storage.getDocs('leads', [tagged.id]);
    expect(stored.get(tagged.id)?.doc).toMatchObject({
      tradeFairId: fair!.id,
      fairAnswers: tagged.fairAnswers,
    });
  });
});
