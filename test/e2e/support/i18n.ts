// The UI's own translations, so tests find controls by the names a user reads, per locale.
import en from '../../../renderer/i18n/en.json';
import it from '../../../renderer/i18n/it.json';

export type TestLocale = 'en' | 'it';

const bundles = { en, it } as const;

/** Translates like i18next for the keys tests use: nested keys and {{placeholders}}. */
export const translator =
  (locale: TestLocale) =>
  (key: string, values: Record<string, string | number> = {}): string => {
    const value = key
      .split('.')
      .reduce<unknown>(
        (node, part) => (node as Record<string, unknown> | undefined)?.[part],
        bundles[locale],
      );
    if (typeof value !== 'string') throw new Error(`missing translation ${locale}:${key}`);
    return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
  };

export type T = ReturnType<typeof translator>;
