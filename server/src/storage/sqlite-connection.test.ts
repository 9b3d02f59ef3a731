// The SQLite connection is one connection shared by every request: a transaction must hold it
// alone, or another request's statement would run (and commit or roll back) inside it.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertRows, numberedPlaceholders } from './sql';
import { SqliteConnection } from './sqlite-connection';

describe('SQLite connection', () => {
  let dir: string;
  let db: Database.Database;
  let sql: SqliteConnection;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fairlead-sqlite-connection-'));
    db = new Database(join(dir, 'test.sqlite'));
    db.exec('CREATE TABLE notes (id TEXT PRIMARY KEY, n INTEGER, flag INTEGER)');
    sql = new SqliteConnection(db);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a statement made during a transaction waits for it and sees only what it committed', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const rolledBack = sql.transaction(async (tx) => {
      await tx.run('INSERT INTO notes (id, n) VALUES (?, ?)', ['uncommitted', 1]);
      await held;
      throw new Error('given up');
    });
    let answered = false;
    const reading = sql.all('SELECT id FROM notes').then((rows) => {
      answered = true;
      return rows;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    release();
    await expect(rolledBack).rejects.toThrow('given up');
    expect(await reading).toEqual([]);
  });

  it('transactions started together run one after another', async () => {
    await sql.run('INSERT INTO notes (id, n) VALUES (?, ?)', ['counter', 0]);
    await Promise.all(
      Array.from({ length: 20 }, () =>
        sql.transaction(async (tx) => {
          const row = await tx.get('SELECT n FROM notes WHERE id = ?', ['counter']);
          await new Promise((resolve) => setImmediate(resolve));
          await tx.run('UPDATE notes SET n = ? WHERE id = ?', [Number(row?.n) + 1, 'counter']);
        }),
      ),
    );
    expect(await sql.get('SELECT n FROM notes WHERE id = ?', ['counter'])).toEqual({ n: 20 });
  });

  it('binds booleans as the 0/1 the schema stores', async () => {
    await sql.run('INSERT INTO notes (id, flag) VALUES (?, ?), (?, ?)', ['t', true, 'f', false]);
    expect(await sql.all('SELECT id, flag FROM notes ORDER BY id')).toEqual([
      { id: 'f', flag: 0 },
      { id: 't', flag: 1 },
    ]);
  });

  it('inserts more rows than one statement may bind, in several statements', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`note-${i}`, i, false]);
    await insertRows(sql, 'notes', ['id', 'n', 'flag'], rows);
    expect(await sql.get('SELECT COUNT(*) AS c, SUM(n) AS s FROM notes')).toEqual({
      c: 3000,
      s: (2999 * 3000) / 2,
    });
  });

  it('reads a small result at once, and declines a larger one or one during a transaction', async () => {
    await insertRows(
      sql,
      'notes',
      ['id', 'n', 'flag'],
      Array.from({ length: 5 }, (_, i) => [`note-${i}`, i, false]),
    );
    const query = 'SELECT id FROM notes WHERE n < ? ORDER BY n';
    expect(sql.allUpTo(query, [3], 3)).toEqual([
      { id: 'note-0' },
      { id: 'note-1' },
      { id: 'note-2' },
    ]);
    expect(sql.allUpTo(query, [4], 3)).toBeNull();
    // The statement was left mid-way: it answers in full the next time.
    expect(await sql.all(query, [5])).toHaveLength(5);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const writing = sql.transaction(async (tx) => {
      await tx.run('INSERT INTO notes (id, n) VALUES (?, ?)', ['uncommitted', -1]);
      await held;
    });
    expect(sql.allUpTo(query, [1], 3)).toBeNull();
    release();
    await writing;
    db.exec('BEGIN');
    expect(sql.allUpTo(query, [1], 3)).toBeNull();
    db.exec('COMMIT');
    expect(sql.allUpTo(query, [1], 3)).toEqual([{ id: 'uncommitted' }, { id: 'note-0' }]);
  });
});

describe('numbered placeholders', () => {
  it('numbers every ? in order and leaves a numbered statement as it is', () => {
    expect(numberedPlaceholders('SELECT * FROM docs WHERE a = ? AND b IN (?, ?)')).toBe(
      'SELECT * FROM docs WHERE a = $1 AND b IN ($2, $3)',
    );
    expect(numberedPlaceholders('SELECT $1, $2')).toBe('SELECT $1, $2');
  });
});
