// Plain words, in English and Italian, for a request the shared API schemas refused. zod's
// own text is English only, so the message is built from the issue's code and limits.
import type { z } from 'zod';
import type { LocalizedText } from '../../shared/domain/errors';
import { italianTypeNames } from '../../shared/domain/schema-issue';

export type RequestPart = 'params' | 'querystring' | 'headers' | 'body';
type Issue = z.core.$ZodIssue;

const places: Record<RequestPart, LocalizedText> = {
  body: { en: 'the request body', it: 'il corpo della richiesta' },
  querystring: { en: 'the query string', it: 'i parametri della richiesta' },
  params: { en: 'the address', it: "l'indirizzo" },
  headers: { en: 'the headers', it: 'le intestazioni' },
};

const fieldOf = (issue: Issue, key?: string): string =>
  [...issue.path.map(String), ...(key === undefined ? [] : [key])].join('.').slice(0, 100);

const limitOf = (value: unknown): string =>
  typeof value === 'number' || typeof value === 'bigint' ? String(value) : '?';

// "the value" for the request part as a whole, e.g. a push that is not a list.
const named = (field: string): LocalizedText =>
  field === '' ? { en: 'the value', it: 'il valore' } : { en: field, it: `il campo ${field}` };

const describe = (issue: Issue): LocalizedText => {
  const field = fieldOf(issue);
  const it = named(field);
  switch (issue.code) {
    case 'invalid_type':
      // zod reports no input unless asked; its message says when there was none.
      if (/received undefined/.test(issue.message) && field !== '')
        return { en: `${field} is missing`, it: `manca il campo ${field}` };
      return {
        en: `${it.en} must be of type ${issue.expected}`,
        it: `${it.it} deve essere di tipo ${italianTypeNames[issue.expected] ?? issue.expected}`,
      };
    case 'unrecognized_keys': {
      const extra = fieldOf(issue, issue.keys[0]?.slice(0, 100));
      return { en: `${extra} is not allowed`, it: `il campo ${extra} non è ammesso` };
    }
    case 'too_big':
      if (issue.origin === 'string')
        return {
          en: `${field} is longer than ${limitOf(issue.maximum)} characters`,
          it: `il campo ${field} supera i ${limitOf(issue.maximum)} caratteri`,
        };
      if (issue.origin === 'array')
        return {
          en: `the list holds more than ${limitOf(issue.maximum)} items`,
          it: `l'elenco contiene più di ${limitOf(issue.maximum)} elementi`,
        };
      return {
        en: `${it.en} must be at most ${limitOf(issue.maximum)}`,
        it: `${it.it} deve essere al massimo ${limitOf(issue.maximum)}`,
      };
    case 'too_small':
      if (issue.origin === 'string')
        return {
          en: `${field} is shorter than ${limitOf(issue.minimum)} characters`,
          it: `il campo ${field} ha meno di ${limitOf(issue.minimum)} caratteri`,
        };
      return {
        en: `${it.en} must be at least ${limitOf(issue.minimum)}`,
        it: `${it.it} deve essere almeno ${limitOf(issue.minimum)}`,
      };
    case 'invalid_format':
      return {
        en: `${field} does not have the expected form`,
        it: `il campo ${field} non ha la forma prevista`,
      };
    case 'invalid_value':
      return {
        en: `${it.en} is not one of the accepted values`,
        it: `${it.it} non è uno dei valori ammessi`,
      };
    default:
      return {
        en: `${field === '' ? 'a value' : field} is not accepted (${issue.code})`,
        it: `${field === '' ? 'un valore' : `il campo ${field}`} non è accettato (${issue.code})`,
      };
  }
};

/** "The request is not valid: …" for the first issue the schema reported. */
export const invalidRequest = (issues: readonly Issue[], part: RequestPart): LocalizedText => {
  const first = issues[0];
  if (first === undefined)
    return { en: 'The request is not valid.', it: 'La richiesta non è valida.' };
  const why = describe(first);
  const place = places[part];
  return {
    en: `The request is not valid (${place.en}): ${why.en}.`,
    it: `La richiesta non è valida (${place.it}): ${why.it}.`,
  };
};
