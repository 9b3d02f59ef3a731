// The server's log: one line per answered request in DATA_DIR/server.log, with the request
// and its status, written together at the end of the event loop's turn.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from '../src/app';
import { logStream } from '../src/logging';

type Line = { msg: string; req?: { method: string; url: string }; res?: { statusCode: number } };

const linesOf = (dir: string): Line[] =>
  readFileSync(join(dir, 'server.log'), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Line);

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('server log', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fairlead-log-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('has one line per request once it is answered, with the request and the status', async () => {
    const server = await createServer({ dataDir: dir, logger: true });
    try {
      const url = await server.listen();
      expect((await fetch(`${url}/health`)).status).toBe(200);
      expect((await fetch(`${url}/api/auth/me`)).status).toBe(401);
      await nextTurn();
      const requests = linesOf(dir).filter((l) => l.req !== undefined);
      expect(requests.map((l) => [l.msg, l.req?.method, l.req?.url, l.res?.statusCode])).toEqual([
        ['request completed', 'GET', '/health', 200],
        ['request completed', 'GET', '/api/auth/me', 401],
      ]);
    } finally {
      await server.close();
    }
  });

  it('writes the lines of one turn together, and what is still waiting when it ends', async () => {
    const stream = logStream(dir);
    stream.write('{"msg":"one"}\n');
    stream.write('{"msg":"two"}\n');
    expect(linesOf(dir)).toEqual([]);
    await nextTurn();
    expect(linesOf(dir).map((l) => l.msg)).toEqual(['one', 'two']);
    stream.write('{"msg":"three"}\n');
    await new Promise((resolve) => stream.end(resolve));
    expect(linesOf(dir).map((l) => l.msg)).toEqual(['one', 'two', 'three']);
  });
});
