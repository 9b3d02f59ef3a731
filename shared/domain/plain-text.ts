// Identifiers, emails and names are plain one-line text: a control character (NUL, a line
// break, an escape) in one of them is a buggy or hostile device, never a seller's typing.
// Notes and descriptions may hold line breaks and are not checked here.
import type { Result } from './errors';
import { fail, ok } from './errors';

/** Whether the text holds a C0 control, DEL or a C1 control. */
export const hasControlCharacters = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
};

const plainFields = new Set([
  'id',
  'email',
  'pec',
  'name',
  'firstName',
  'lastName',
  'company',
  'jobTitle',
  'number',
  'customerReference',
  'sku',
  'key',
]);

const isPlainField = (key: string): boolean => plainFields.has(key) || key.endsWith('Id');

type Doc = Record<string, unknown>;

/** The first id, email or name field of a record (or its lines) holding a control character. */
export const controlCharacterField = (doc: Doc): string | undefined => {
  const places: [string, Doc][] = [['', doc]];
  const lines = doc.lines;
  if (Array.isArray(lines)) {
    lines.forEach((line, i) => {
      if (typeof line === 'object' && line !== null) places.push([`lines.${i}.`, line as Doc]);
    });
  }
  for (const [prefix, place] of places) {
    for (const [key, value] of Object.entries(place)) {
      if (isPlainField(key) && typeof value === 'string' && hasControlCharacters(value)) {
        return `${prefix}${key}`;
      }
    }
  }
  return undefined;
};

/** Refuses a record whose ids, emails or names carry control characters. */
export const checkPlainText = (doc: Doc): Result<void> => {
  const field = controlCharacterField(doc);
  if (field === undefined) return ok(undefined);
  return fail(
    'change.invalid_document',
    `The field ${field} contains a control character (such as NUL or a line break).`,
    `Il campo ${field} contiene un carattere di controllo (come NUL o un a capo).`,
    field,
  );
};
