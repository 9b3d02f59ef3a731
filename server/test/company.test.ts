// `npm run admin -- company set|show`: the office's legal identity, checked field by field,
// stored as one reference-data record and pulled by every seller's device.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCompany } from '../../shared/dataset';
import { COMPANY_REFDATA_ID, companyOf } from '../../shared/domain/company';
import type { Refdata } from '../../shared/domain/records';
import type { PullResponse } from '../../shared/sync/protocol';
import type { FairleadServer } from '../src/app';
import { runAdmin } from '../src/admin';
import type { Place } from './harness';
import { adapters, freshPlace, seedOffice, signIn, startServer } from './harness';

const fileWith = (content: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'fairlead-company-')), 'company.json');
  writeFileSync(file, content);
  return file;
};

describe.each(adapters)('company on %s', (adapter) => {
  let place: Place;
  let server: FairleadServer;
  const admin = (...argv: string[]) => runAdmin(server.storage, argv);

  beforeAll(async () => {
    place = await freshPlace(adapter);
    server = await startServer(place);
    await seedOffice(server);
  });
  afterAll(async () => {
    await server?.close();
    await place?.drop();
  });

  it('says when none is set, refuses a wrong file naming each field, saves a right one', async () => {
    expect(await admin('company', 'show')).toMatch(/No company is set yet/);
    await expect(admin('company', 'set')).rejects.toThrow(/--file is required/);
    await expect(admin('company', 'set', '--file', fileWith('{ not json'))).rejects.toThrow(
      /not valid JSON/,
    );
    const wrong = {
      ...demoCompany,
      vatNumber: 'IT04128760157',
      iban: 'IT61X0542811101000000123456',
      address: { ...demoCompany.address, postalCode: '2014' },
      consent: { it: 'Acconsento al trattamento.', en: 'I agree that {company} may call me.' },
      extra: 1,
    };
    const refused = admin('company', 'set', '--file', fileWith(JSON.stringify(wrong)));
    await expect(refused).rejects.toThrow(/unknown fields extra/);
    const { extra: _extra, ...noExtra } = wrong;
    const message = await admin(
      'company',
      'set',
      '--file',
      fileWith(JSON.stringify(noExtra)),
    ).catch((err: unknown) => (err as Error).message);
    expect(message).toMatch(/was not saved/);
    expect(message).toMatch(/vatNumber: "IT04128760157" is not an Italian VAT number/);
    expect(message).toMatch(/iban: .* is not a valid IBAN/);
    expect(message).toMatch(/address\.postalCode: the CAP has 5 digits/);
    expect(message).toMatch(/consent\.it: the consent text must name the company/);
    expect(message).not.toMatch(/consent\.en/);
    expect(await admin('company', 'show')).toMatch(/No company is set yet/);

    const saved = await admin(
      'company',
      'set',
      '--file',
      fileWith(JSON.stringify({ ...demoCompany, iban: 'it60 x054 2811 1010 0000 0123 456' })),
    );
    expect(saved).toMatch(/Saved Officine Brenta S\.r\.l\. \(IT04128760156\)/);
    const shown = JSON.parse(await admin('company', 'show')) as typeof demoCompany;
    expect(shown).toEqual({ ...demoCompany, iban: 'IT60X0542811101000000123456' });
  });

  it('replaces the one record when set again, and every seller pulls it', async () => {
    const file = fileWith(JSON.stringify({ ...demoCompany, name: 'Officine Brenta S.p.A.' }));
    await admin('company', 'set', '--file', file);
    const records = (await server.storage.allDocs('refdata'))
      .map((d) => d.doc as unknown as Refdata)
      .filter((r) => r.kind === 'company');
    expect(records.map((r) => r.id)).toEqual([COMPANY_REFDATA_ID]);
    for (const email of ['anna@north.example', 'bruno@south.example']) {
      const seller = await signIn(server, email);
      const res = await seller.get('/api/sync/refdata/pull?limit=1000');
      expect(res.status).toBe(200);
      const pulled = (await res.json()) as PullResponse;
      const company = companyOf(pulled.documents as unknown as Refdata[]);
      expect(company?.name).toBe('Officine Brenta S.p.A.');
    }
  });
});
