// The UI's own translations, so tests find controls by the names a user reads, per locale.
import en from '../../../renderer/i18n/en.json';
import it from '../../../renderer/i18n/it.json';

export type TestLocale = 'en' | 'it';

const bundles = { en, it } as const;

const lookup = (locale: TestLocale, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      bundles[locale],
    );

/**
 * Translates like i18next for the keys tests use: nested keys, {{placeholders}}, and the
 * `_one`/`_other` plural forms when a count is given.
 */
export const translator =
  (locale: TestLocale) =>
  (key: string, values: Record<string, string | number> = {}): string => {
    const count = values.count;
    const plural =
      typeof count === 'number'
        ? lookup(locale, `${key}_${new Intl.PluralRules(locale).select(count)}`)
        : undefined;
    const value = typeof plural === 'string' ? plural : lookup(locale, key);
    if (typeof value !== 'string') throw new Error(`missing translation ${locale}:${key}`);
    return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
  };

export type T = ReturnType<typeof translator>;
