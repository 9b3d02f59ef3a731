// Picks the UI language's text for a platform error (the shell sends English and Italian).
import type { Locale, LocalizedText } from '../../shared/domain/errors';

export const uiLocale = (): Locale =>
  typeof document !== 'undefined' && document.documentElement.lang.toLowerCase().startsWith('it')
    ? 'it'
    : 'en';

export const localize = (text: LocalizedText, locale: Locale = uiLocale()): string => text[locale];
