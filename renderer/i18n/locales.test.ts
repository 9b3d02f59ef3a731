import { describe, expect, it } from 'vitest';
import en from './en.json';
import itLocale from './it.json';

// Every key path of a nested translation object, e.g. "lead.sources.web".
const keyPaths = (value: unknown, prefix = ''): string[] =>
  value !== null && typeof value === 'object'
    ? Object.entries(value).flatMap(([key, child]) =>
        keyPaths(child, prefix ? `${prefix}.${key}` : key),
      )
    : [prefix];

describe('translations', () => {
  it('Italian and English have exactly the same keys', () => {
    expect(keyPaths(itLocale).sort()).toEqual(keyPaths(en).sort());
  });

  it('no translation is empty', () => {
    const empty = (obj: unknown) =>
      keyPaths(obj).filter((path) => {
        const value = path
          .split('.')
          .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj);
        return typeof value !== 'string' || value.trim() === '';
      });
    expect(empty(en)).toEqual([]);
    expect(empty(itLocale)).toEqual([]);
  });

  it('placeholders match between locales', () => {
    const placeholders = (obj: unknown) =>
      keyPaths(obj).map((path) => {
        const value = path
          .split('.')
          .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj) as string;
        return `${path}:${(value.match(/\{\{\w+\}\}/g) ?? []).sort().join(',')}`;
      });
    expect(placeholders(itLocale).sort()).toEqual(placeholders(en).sort());
  });
});
