import { describe, expect, it } from 'vitest';
import { JoinedStrings } from './joined-strings';
import { lowerBound } from './term-index';

const sorted = ['mar', 'mari', 'mario.rossi@example.com', 'marò', 'rossi', 'z'];

describe('a sorted list kept as its stored string', () => {
  it('reads back each item, and finds as a binary search over the split items does', () => {
    const list = JoinedStrings.parse(sorted.join('\n'), '\n');
    expect(list.length).toBe(sorted.length);
    expect(Array.from({ length: list.length }, (_, i) => list.at(i))).toEqual(sorted);
    for (const probe of ['', 'a', 'mar', 'mara', 'mario', 'marz', 'marò', 'rossi', 'zz', '~']) {
      expect(list.lowerBound(probe)).toBe(lowerBound(sorted, probe));
      expect(list.indexOf(probe)).toBe(sorted.indexOf(probe));
      for (let i = 0; i < list.length; i++) {
        expect(list.startsWith(i, probe)).toBe((sorted[i] as string).startsWith(probe));
      }
    }
  });

  it('holds no item in an empty string, and writes back the text it was made from', () => {
    expect(JoinedStrings.parse('', '\n').length).toBe(0);
    expect(JoinedStrings.of([], '\n').length).toBe(0);
    expect(JoinedStrings.of(sorted, '\n').text).toBe(sorted.join('\n'));
    expect(JoinedStrings.parse('solo', '\n').at(0)).toBe('solo');
  });
});
