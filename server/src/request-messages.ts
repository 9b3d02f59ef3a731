// Plain words, in English and Italian, for a request Fastify's schema check refused. Ajv's own
// text is English only, so the message is built from the keyword and its parameters.
import type { LocalizedText } from '../../shared/domain/errors';
import { italianTypeNames } from '../../shared/domain/schema-issue';

/** The part of an Ajv error the messages need (Fastify's `error.validation` items). */
export type SchemaIssue = {
  keyword: string;
  instancePath?: string;
  params?: Record<string, unknown>;
  message?: string;
};

const places: Record<string, LocalizedText> = {
  body: { en: 'the request body', it: 'il corpo della richiesta' },
  querystring: { en: 'the query string', it: 'i parametri della richiesta' },
  params: { en: 'the address', it: "l'indirizzo" },
  headers: { en: 'the headers', it: 'le intestazioni' },
};

const fieldOf = (issue: SchemaIssue, missing?: unknown): string => {
  const path = (issue.instancePath ?? '').split('/').filter((p) => p !== '');
  if (typeof missing === 'string') path.push(missing);
  return path.join('.').slice(0, 100);
};

const describe = (issue: SchemaIssue): LocalizedText => {
  const p = issue.params ?? {};
  const limit = typeof p.limit === 'number' ? p.limit : '?';
  switch (issue.keyword) {
    case 'required': {
      const field = fieldOf(issue, p.missingProperty);
      return { en: `${field} is missing`, it: `manca il campo ${field}` };
    }
    case 'additionalProperties': {
      const field = fieldOf(issue, p.additionalProperty);
      return { en: `${field} is not allowed`, it: `il campo ${field} non è ammesso` };
    }
    case 'type': {
      const field = fieldOf(issue) || 'the value';
      const type = typeof p.type === 'string' ? p.type : String(p.type ?? '?');
      return {
        en: `${field} must be of type ${type}`,
        it: `${field === 'the value' ? 'il valore' : `il campo ${field}`} deve essere di tipo ${italianTypeNames[type] ?? type}`,
      };
    }
    case 'maxLength':
      return {
        en: `${fieldOf(issue)} is longer than ${limit} characters`,
        it: `il campo ${fieldOf(issue)} supera i ${limit} caratteri`,
      };
    case 'minLength':
      return {
        en: `${fieldOf(issue)} is shorter than ${limit} characters`,
        it: `il campo ${fieldOf(issue)} ha meno di ${limit} caratteri`,
      };
    case 'maxItems':
      return {
        en: `the list holds more than ${limit} items`,
        it: `l'elenco contiene più di ${limit} elementi`,
      };
    case 'pattern':
    case 'format':
      return {
        en: `${fieldOf(issue)} does not have the expected form`,
        it: `il campo ${fieldOf(issue)} non ha la forma prevista`,
      };
    default: {
      const field = fieldOf(issue) || 'a value';
      return {
        en: `${field} is not accepted (${issue.keyword})`,
        it: `${field === 'a value' ? 'un valore' : `il campo ${field}`} non è accettato (${issue.keyword})`,
      };
    }
  }
};

/** "The request is not valid: …" for the first issue Fastify reported. */
export const invalidRequest = (
  issues: readonly SchemaIssue[] | undefined,
  context: string | undefined,
): LocalizedText => {
  const first = issues?.[0];
  const place = places[context ?? 'body'] ?? places.body;
  if (first === undefined || place === undefined) {
    return { en: 'The request is not valid.', it: 'La richiesta non è valida.' };
  }
  const why = describe(first);
  return {
    en: `The request is not valid (${place.en}): ${why.en}.`,
    it: `La richiesta non è valida (${place.it}): ${why.it}.`,
  };
};
