// The admin CLI's commands on a real store: users, teams, catalog import, demo, backup, erasure.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PriceList, Product, Refdata } from '../../shared/domain/records';
import type { FairleadServer } from '../src/app';
import { runAdmin } from '../src/admin';
import { loadDemo } from '../src/demo';
import { newId } from '../src/ids';
import { writeOfficeDocs } from '../src/office';
import { openStorage } from '../src/storage';
import { leadDoc } from './fixtures';
import type { Place } from './harness';
import { adapters, freshPlace, startServer } from './harness';
import { openStream } from './stream-client';

const csv = `sku,name,family,vat_rate,active,price_list,currency,unit_price
VALVE-10,Valve 10 mm,Valves,22,yes,Listino 2026,EUR,12.50
VALVE-12,"Valve 12 mm, brass",Valves,22,yes,Listino 2026,EUR,"14,20"
PUMP-1,Pump,Pumps,10,no,,,
`;

describe.each(adapters)('admin commands on %s', (adapter) => {
  let place: Place;
  let server: FairleadServer;
  const admin = (...argv: string[]) => runAdmin(server.storage, argv);

  beforeAll(async () => {
    place = await freshPlace(adapter);
    server = await startServer(place);
  });
  afterAll(async () => {
    await server?.close();
    await place?.drop();
  });

  it('refuses control characters in emails, names and team names', async () => {
    const add = (email: string, team = 'North', ...rest: string[]) =>
      admin(
        'user',
        'add',
        '--email',
        email,
        '--password',
        'long enough',
        '--role',
        'seller',
        '--team',
        team,
        ...rest,
      );
    await expect(add('nul\u0000@north.example')).rejects.toThrow(/not an email/);
    await expect(add('esc@north.example', 'No\u001brth')).rejects.toThrow(/control characters/);
    await expect(add('tab@north.example', 'North', '--name', 'A\tB')).rejects.toThrow(
      /control characters/,
    );
    expect((await server.storage.listUsers()).map((u) => u.email)).not.toContain(
      'esc@north.example',
    );
  });

  it('adds and disables users and teams, in plain words', async () => {
    expect(await admin('team', 'add', '--name', 'North')).toMatch(/North/);
    expect(
      await admin(
        'user',
        'add',
        '--email',
        'Anna@North.example',
        '--password',
        'long enough',
        '--role',
        'seller',
        '--team',
        'North',
      ),
    ).toMatch(/Added seller anna@north\.example/);
    await expect(
      admin(
        'user',
        'add',
        '--email',
        'anna@north.example',
        '--password',
        'long enough',
        '--role',
        'seller',
        '--team',
        'North',
      ),
    ).rejects.toThrow(/already exists/);
    await expect(
      admin('user', 'add', '--email', 'b@x.example', '--password', 'long enough', '--role', 'boss'),
    ).rejects.toThrow(/role/);
    expect(await admin('user', 'disable', '--email', 'anna@north.example')).toMatch(/Disabled/);
    expect((await server.storage.findUserByEmail('anna@north.example'))?.disabled).toBe(true);
    expect(await admin('user', 'list')).toMatch(/anna@north\.example\tseller\tNorth\tdisabled/);
    // Devices learn of the user (and that they left) through the office reference data.
    const members = (await server.storage.allDocs('refdata')).map(
      (d) => d.doc as unknown as Refdata,
    );
    expect(members.find((m) => m.kind === 'team_member')?.data).toMatchObject({
      email: 'anna@north.example',
      disabled: true,
    });
  });

  it('imports the catalog from CSV, or nothing with per-line errors', async () => {
    const bad = `sku,name,vat_rate,price_list,unit_price\nA-1,Ok,22,,\n,No sku,22,,\nB-2,Bad vat,abc,,\nC-3,Bad price,22,L,twelve\n`;
    const badFile = join(place.dataDir, 'bad.csv');
    writeFileSync(badFile, bad);
    await expect(admin('catalog', 'import', badFile)).rejects.toThrow(
      /line 3: .*SKU[\s\S]*line 4: .*VAT[\s\S]*line 5: .*price/,
    );
    expect(await server.storage.allDocs('products')).toEqual([]);

    const file = join(place.dataDir, 'catalog.csv');
    writeFileSync(file, csv);
    expect(await admin('catalog', 'import', file)).toBe('Imported 3 products and 1 price lists.');
    const products = (await server.storage.allDocs('products')).map(
      (d) => d.doc as unknown as Product,
    );
    expect(products.map((p) => [p.sku, p.vatRate, p.active]).sort()).toEqual([
      ['PUMP-1', 1000, false],
      ['VALVE-10', 2200, true],
      ['VALVE-12', 2200, true],
    ]);
    const [list] = (await server.storage.allDocs('pricelists')).map(
      (d) => d.doc as unknown as PriceList,
    );
    expect(list?.items.map((i) => i.unitPrice).sort()).toEqual([1250, 1420]);
    // Re-importing updates in place instead of duplicating.
    await admin('catalog', 'import', file);
    expect((await server.storage.allDocs('products')).length).toBe(3);
  });

  it('erases a person and keeps a purged tombstone', async () => {
    const owner = await server.storage.findUserByEmail('anna@north.example');
    const lead = leadDoc(newId(), owner?.id ?? '', {
      email: 'Mario.Verdi@example.com',
      firstName: 'Mario',
    });
    await writeOfficeDocs(server.storage, 'leads', [lead]);
    expect(await admin('erase', '--email', 'mario.verdi@example.com')).toMatch(/1 leads/);
    const stored = (await server.storage.getDocs('leads', [lead.id])).get(lead.id);
    expect(stored?.deleted).toBe(true);
    expect(stored?.doc).toMatchObject({ id: lead.id, _deleted: true, firstName: '', email: '' });
    expect(JSON.stringify(stored?.doc)).not.toMatch(/Mario/i);
    await expect(admin('erase', '--email', 'nobody@example.com')).rejects.toThrow(
      /No lead or contact/,
    );
  });

  it('writes a backup of everything, one NDJSON line per row', async () => {
    const file = join(place.dataDir, 'backup.ndjson');
    expect(await admin('backup', file)).toMatch(/Backup with \d+ documents/);
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const rows = (table: string) => lines.filter((l) => l.table === table);
    expect(lines[0]?.format).toBe('fairlead-backup');
    expect(rows('users').length).toBeGreaterThan(0);
    const products = rows('docs').filter(
      (l) => (l.row as { collection: string }).collection === 'products',
    );
    expect(products.length).toBe(3);
    expect(JSON.stringify(products)).toContain('Valve 10 mm');
    expect(lines.at(-1)).toMatchObject({ end: true });
  });

  it('streams catalog changes made by another process on the same store', async () => {
    await runAdmin(server.storage, [
      'user',
      'add',
      '--email',
      'sam@north.example',
      '--password',
      'long enough',
      '--role',
      'seller',
      '--team',
      'North',
    ]);
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'sam@north.example',
        password: 'long enough',
        deviceName: 'x',
      }),
    });
    const { token } = (await login.json()) as { token: string };
    const stream = await openStream(server.url ?? '', token);
    // The admin CLI opens its own connection to the same file or database.
    const cli = await openStorage({
      dataDir: place.dataDir,
      databaseUrl: place.databaseUrl,
      poolMax: 1,
    });
    try {
      const file = join(place.dataDir, 'more.csv');
      writeFileSync(file, 'sku,name\nNEW-1,New product\n');
      await runAdmin(cli, ['catalog', 'import', file]);
      expect((await stream.next()).collection).toBe('products');
    } finally {
      stream.close();
      await cli.close();
    }
  });

  it('disables a whole team', async () => {
    expect(await admin('team', 'disable', '--name', 'North')).toMatch(
      /Disabled \d+ members of North/,
    );
    expect((await server.storage.findUserByEmail('sam@north.example'))?.disabled).toBe(true);
  });

  it('refuses demo data on a store that has users', async () => {
    await expect(admin('demo', 'load')).rejects.toThrow(/empty store/);
  });
});

describe('demo office', () => {
  it('loads the demo dataset and its users can sign in and pull their records', async () => {
    const place = await freshPlace('sqlite');
    const server = await startServer(place);
    try {
      const signIn = await loadDemo(server.storage, { sizes: { leads: 40, activities: 40 } });
      const seller = signIn.users.find((u) => u.role === 'seller');
      expect(seller).toBeDefined();
      const res = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: seller?.email,
          password: signIn.password,
          deviceName: 'demo',
        }),
      });
      expect(res.status).toBe(200);
      const { token } = (await res.json()) as { token: string };
      const pulled = await fetch(`${server.url}/api/sync/leads/pull?limit=1000`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const { documents } = (await pulled.json()) as { documents: { ownerId: string }[] };
      expect(documents.length).toBeGreaterThan(0);
      const me = await server.storage.findUserByEmail(seller?.email ?? '');
      expect(documents.every((d) => d.ownerId === me?.id)).toBe(true);
    } finally {
      await server.close();
      await place.drop();
    }
  });
});

describe('admin command line', () => {
  it('exits non-zero with a plain message on a wrong command, zero on success', async () => {
    const place = await freshPlace('sqlite');
    const run = (...args: string[]) =>
      spawnSync(join(process.cwd(), 'node_modules/.bin/tsx'), ['server/src/admin.ts', ...args], {
        env: { ...process.env, DATA_DIR: place.dataDir, DATABASE_URL: '' },
        encoding: 'utf8',
      });
    try {
      const added = run('team', 'add', '--name', 'South');
      expect(added.status).toBe(0);
      expect(added.stdout).toMatch(/Team South is ready/);
      const wrong = run('user', 'disable', '--email', 'ghost@example.com');
      expect(wrong.status).toBe(1);
      expect(wrong.stderr).toMatch(/There is no user with the email ghost@example.com/);
    } finally {
      await place.drop();
    }
  });
});
