import { describe, expect, it } from 'vitest';
import { deepEqual } from './deep-equal';

describe('deepEqual', () => {
  it('compares scalars by value', () => {
    expect(deepEqual(1, 1)).toBe(true);
    expect(deepEqual('a', 'a')).toBe(true);
    expect(deepEqual(null, null)).toBe(true);
    expect(deepEqual(1, '1')).toBe(false);
    expect(deepEqual(null, undefined)).toBe(false);
    expect(deepEqual(0, false)).toBe(false);
  });

  it('compares objects by their keys and values, in any key order', () => {
    expect(deepEqual({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(deepEqual({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [2, 1] } })).toBe(false);
    expect(deepEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(deepEqual({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(deepEqual({ a: null }, {})).toBe(false);
  });

  it('reads a key holding undefined as absent', () => {
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(true);
  });

  it('tells arrays from objects and compares arrays in order', () => {
    expect(deepEqual([1, [2, { x: 3 }]], [1, [2, { x: 3 }]])).toBe(true);
    expect(deepEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual({}, [])).toBe(false);
    expect(deepEqual({ 0: 'a' }, ['a'])).toBe(false);
  });
});

describe('deepEqual on deep nesting', () => {
  it('compares values nested deeper than the call stack could follow', () => {
    const nest = (depth: number, leaf: unknown): unknown => {
      let v: unknown = leaf;
      for (let i = 0; i < depth; i++) v = i % 2 === 0 ? { v } : [v];
      return v;
    };
    expect(deepEqual(nest(200_000, 'x'), nest(200_000, 'x'))).toBe(true);
    expect(deepEqual(nest(200_000, 'x'), nest(200_000, 'y'))).toBe(false);
  });
});
