// The profile scanner's decoders on hand-made inputs: a wrong decoder would let the
// encrypted-profile test pass for the wrong reason (its control run guards that too).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leveldbLogRecords, scanProfile, snappyDecompress } from './profile-scan';

describe('profile scan', () => {
  it('decompresses Snappy literals and back-references', () => {
    // 11 bytes: literal "hello " then a copy of 5 bytes from 6 back.
    const stream = Uint8Array.from([11, (6 - 1) << 2, ...Buffer.from('hello '), 1 | (1 << 2), 6]);
    expect(Buffer.from(snappyDecompress(stream)).toString()).toBe('hello hello');
    expect(() => snappyDecompress(Uint8Array.from([5, 0]))).toThrow();
  });

  it('reassembles a LevelDB log record split across fragments', () => {
    const fragment = (type: number, text: string) => {
      const data = Buffer.from(text);
      return Buffer.concat([Buffer.from([0, 0, 0, 0, data.length, 0, type]), data]);
    };
    const file = Buffer.concat([fragment(2, 'Quer'), fragment(3, 'cet'), fragment(4, 'ti')]);
    expect(leveldbLogRecords(file).map((r) => Buffer.from(r).toString())).toEqual(['Quercetti']);
  });

  it('finds a value stored as UTF-16LE, and only where it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fairlead-scan-'));
    try {
      writeFileSync(join(dir, 'a.bin'), Buffer.from('xx Ottavia yy', 'utf16le'));
      writeFileSync(join(dir, 'b.bin'), 'nothing here');
      const scan = scanProfile(dir, ['Ottavia', 'Quercetti']);
      expect(scan.files).toBe(2);
      expect(scan.findings).toEqual([{ value: 'Ottavia', file: 'a.bin', encoding: 'utf-16le' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
