// Text that arrives in every UI language (domain errors, the server's messages): the one of
// the language the UI shows now.
import type { LocalizedText } from '../../shared/domain/errors';

export const localizedText = (text: LocalizedText, language: string): string =>
  language.startsWith('it') ? text.it : text.en;
