// Two server processes over one PostgreSQL serve the same office: a change pushed through
// one is streamed by the other (LISTEN/NOTIFY fan-out).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/app';
import { newId } from '../src/ids';
import { accountDoc } from './fixtures';
import type { Office, Place } from './harness';
import { freshPlace, pgUrl, seedOffice, signIn } from './harness';
import { openStream } from './stream-client';

/** Starts `npm run server`'s entry in its own process; resolves with its URL. */
const startProcess = (place: Place): Promise<{ child: ChildProcess; url: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(join(process.cwd(), 'node_modules/.bin/tsx'), ['server/src/main.ts'], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: place.dataDir,
        DATABASE_URL: place.databaseUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)"/.exec(out);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });

if (!pgUrl)
  console.warn('FAIRLEAD_TEST_PG_URL is not set: the two-process PostgreSQL test is skipped.');

describe.skipIf(!pgUrl)('two server processes over one PostgreSQL', () => {
  let place: Place;
  let office: Office;
  const children: ChildProcess[] = [];
  let urls: string[] = [];

  beforeAll(async () => {
    place = await freshPlace('postgres');
    const seeder = await createServer({
      dataDir: place.dataDir,
      databaseUrl: place.databaseUrl,
      poolMax: 2,
    });
    office = await seedOffice(seeder);
    await seeder.close();
    const started = await Promise.all([startProcess(place), startProcess(place)]);
    children.push(...started.map((s) => s.child));
    urls = started.map((s) => s.url);
  });
  afterAll(async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.removeAllListeners('exit');
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    await place?.drop();
  });

  it('each process streams a change pushed through the other', async () => {
    const [one = '', two = ''] = urls;
    expect(one).not.toBe(two);
    const annaOnOne = await signIn({ url: one }, office.a.email);
    const annaOnTwo = await signIn({ url: two }, office.a.email, 'second laptop');
    const carlaOnOne = await signIn({ url: one }, office.c.email);
    const carlaOnTwo = await signIn({ url: two }, office.c.email, 'second laptop');
    const streamOne = await openStream(one, carlaOnOne.login.token);
    const streamTwo = await openStream(two, carlaOnTwo.login.token);
    try {
      const first = accountDoc(newId(), office.a.id);
      expect(
        (await annaOnOne.post('/api/sync/accounts/push', [{ newDocumentState: first }])).status,
      ).toBe(200);
      const seen = await streamTwo.next();
      expect(seen.collection).toBe('accounts');
      const pulled = await carlaOnTwo.get('/api/sync/accounts/pull');
      expect(
        ((await pulled.json()) as { documents: { id: string }[] }).documents.map((d) => d.id),
      ).toContain(first.id);

      const second = accountDoc(newId(), office.a.id, { name: 'Verdi Srl' });
      expect(
        (await annaOnTwo.post('/api/sync/accounts/push', [{ newDocumentState: second }])).status,
      ).toBe(200);
      // Stream one saw the first change too (its own process); the next is the second.
      expect((await streamOne.next()).checkpoint.seq).toBe(seen.checkpoint.seq);
      expect((await streamOne.next()).checkpoint.seq).toBeGreaterThan(seen.checkpoint.seq);
    } finally {
      streamOne.close();
      streamTwo.close();
    }
  });
});
