// A record schema's first complaint in plain words, in English and Italian. zod's own text is
// English only; the Italian is built from the issue's code and limits.
import type { z } from 'zod';
import type { LocalizedText } from './errors';

type Issue = z.core.$ZodIssue;

// JSON types as an Italian reader calls them.
export const italianTypeNames: Readonly<Record<string, string>> = {
  string: 'testo',
  number: 'numero',
  integer: 'numero intero',
  boolean: 'vero o falso',
  array: 'elenco',
  object: 'oggetto',
  null: 'nullo',
};

const limitOf = (value: unknown): string =>
  typeof value === 'number' || typeof value === 'bigint' ? String(value) : '?';

const italian = (issue: Issue): string => {
  switch (issue.code) {
    case 'invalid_type':
      // zod reports no input unless asked; its message says when there was none.
      return /received undefined/.test(issue.message)
        ? 'il valore manca'
        : `deve essere di tipo ${italianTypeNames[issue.expected] ?? issue.expected}`;
    case 'too_big':
      if (issue.origin === 'string') return `supera i ${limitOf(issue.maximum)} caratteri`;
      if (issue.origin === 'array') return `contiene più di ${limitOf(issue.maximum)} elementi`;
      return `deve essere al massimo ${limitOf(issue.maximum)}`;
    case 'too_small':
      if (issue.origin === 'string') return `deve avere almeno ${limitOf(issue.minimum)} caratteri`;
      if (issue.origin === 'array')
        return `deve contenere almeno ${limitOf(issue.minimum)} elementi`;
      return `deve essere almeno ${limitOf(issue.minimum)}`;
    case 'invalid_format':
      return 'non ha il formato previsto';
    case 'invalid_value':
      return 'non è uno dei valori ammessi';
    case 'unrecognized_keys':
      return `campi non previsti: ${issue.keys.slice(0, 5).join(', ')}`;
    case 'not_multiple_of':
      return 'non è un multiplo ammesso';
    default:
      return 'non è valido';
  }
};

/** The issue's text: zod's English message and an Italian one from its code. */
export const schemaIssueText = (issue: Issue | undefined): LocalizedText =>
  issue === undefined
    ? { en: 'invalid', it: 'non valido' }
    : { en: issue.message, it: italian(issue) };
