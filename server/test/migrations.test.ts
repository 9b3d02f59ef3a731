// Versioned migrations: recorded, applied once, and a database from a newer release refused.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { runAdmin } from '../src/admin';
import { openStorage } from '../src/storage';
import { latestVersion, migrations, pendingMigrations } from '../src/storage/migrations';
import type { Place } from './harness';
import { adapters, freshPlace } from './harness';

describe('the migration list', () => {
  // Parallel branches take reserved numbers, so a release may hold a gap until they merge.
  it('numbers its steps in increasing order, each once, with both dialects written', () => {
    migrations.forEach((m, i) => {
      expect(m.version).toBeGreaterThan(migrations[i - 1]?.version ?? 0);
      expect(m.sqlite.trim()).not.toBe('');
      expect(m.postgres.trim()).not.toBe('');
    });
    expect(latestVersion()).toBe(migrations.at(-1)?.version);
  });

  it('applies only what a database lacks and refuses a newer one in plain words', () => {
    expect(pendingMigrations(0).map((m) => m.version)).toEqual(migrations.map((m) => m.version));
    expect(pendingMigrations(latestVersion())).toEqual([]);
    expect(() => pendingMigrations(latestVersion() + 1)).toThrow(/newer Fairlead server/);
  });
});

describe.each(adapters)('migrations on %s', (adapter) => {
  let place: Place | undefined;
  afterEach(async () => {
    await place?.drop();
    place = undefined;
  });

  const open = (p: Place) =>
    openStorage({ dataDir: p.dataDir, databaseUrl: p.databaseUrl, poolMax: 2 });

  const bumpVersion = async (p: Place, version: number): Promise<void> => {
    const sql = 'INSERT INTO schema_migrations (version, name, applied_at) VALUES ';
    if (p.databaseUrl) {
      const c = new pg.Client({ connectionString: p.databaseUrl });
      await c.connect();
      await c.query(`${sql} ($1, 'from the future', 'now')`, [version]);
      await c.end();
    } else {
      const db = new Database(join(p.dataDir, 'fairlead.sqlite'));
      db.prepare(`${sql} (?, 'from the future', 'now')`).run(version);
      db.close();
    }
  };

  it('records every step once, also when opened again, and admin migrate says the version', async () => {
    place = await freshPlace(adapter);
    const first = await open(place);
    expect(await first.schemaVersion()).toBe(latestVersion());
    await first.close();
    const again = await open(place);
    expect(await again.schemaVersion()).toBe(latestVersion());
    expect(await runAdmin(again, ['migrate'])).toContain(`version ${latestVersion()}`);
    await again.close();
  });

  it('refuses to start on a database written by a newer release', async () => {
    place = await freshPlace(adapter);
    await (await open(place)).close();
    await bumpVersion(place, latestVersion() + 1);
    await expect(open(place)).rejects.toThrow(/newer Fairlead server/);
  });
});
