// Counts read as a person would say them: i18next picks the `_one`/`_other` form by the
// locale's plural rules, so "1 lead captured", never "1 leads captured".
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from './en.json';
import itLocale from './it.json';

type Tree = { [key: string]: string | Tree };

const entries = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : entries(value, `${prefix}${key}.`),
  );

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

// The renderer's sources as text (Vite reads them; the web build has no node:fs).
const sources = import.meta.glob<string>(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('plural forms', () => {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    await i18n.init({
      resources: { en: { translation: en }, it: { translation: itLocale } },
      lng: 'en',
      interpolation: { escapeValue: false },
    });
  });

  it.each([
    ['en', en],
    ['it', itLocale],
  ] as const)('every %s text with a {{count}} has its _one and _other forms', (_, bundle) => {
    const all = new Map(entries(bundle as Tree));
    const missing = [...all]
      .filter(([key, value]) => value.includes('{{count}}') && !pluralSuffix.test(key))
      .filter(([key]) => !all.has(`${key}_one`) || !all.has(`${key}_other`))
      .map(([key]) => key);
    expect(missing).toEqual([]);
  });

  it('every key the screens call with a count has plural forms', () => {
    const keys = new Set<string>();
    for (const text of Object.values(sources)) {
      for (const match of text.matchAll(/t\(\s*'([\w.]+)',\s*\{\s*count:/g)) {
        keys.add(match[1] ?? '');
      }
    }
    expect(keys.size).toBeGreaterThan(3);
    const all = new Map(entries(en as Tree));
    const missing = [...keys].filter((k) => !all.has(`${k}_one`) || !all.has(`${k}_other`));
    expect(missing).toEqual([]);
  });

  it.each([
    ['en', 'lead.capturedCount', 1, '1 lead captured in this session'],
    ['en', 'lead.capturedCount', 2, '2 leads captured in this session'],
    ['it', 'lead.capturedCount', 1, '1 lead acquisito in questa sessione'],
    ['it', 'lead.capturedCount', 3, '3 lead acquisiti in questa sessione'],
    ['en', 'sync.pending', 1, '1 change waiting'],
    ['it', 'sync.pending', 1, '1 modifica in attesa'],
    ['it', 'sync.rejected', 2, '2 modifiche rifiutate'],
    ['en', 'common.rowCount', 1, '1 record'],
    ['en', 'opportunity.stageTotal', 1, '1 opportunity · €5'],
    ['en', 'opportunity.stageTotal', 4, '4 opportunities · €5'],
  ] as const)('%s %s with %d reads "%s"', (lng, key, count, text) => {
    expect(i18n.t(key, { lng, count, amount: '€5' })).toBe(text);
  });
});
