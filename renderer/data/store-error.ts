// Bad data never enters the store: a document that fails its collection's schema is refused
// with a StoreError naming the field and the reason in plain words (English and Italian).
import type { DomainError, LocalizedText } from '../../shared/domain/errors';

/** One ajv validation error as RxDB's validation wrapper reports it. */
export type SchemaViolation = {
  instancePath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
  message?: string;
};

export class StoreError extends Error {
  readonly code: string;
  readonly collection: string;
  readonly documentId: string | undefined;
  readonly field: string | undefined;
  readonly localized: LocalizedText;

  constructor(options: {
    code: string;
    collection: string;
    documentId?: string | undefined;
    field?: string | undefined;
    message: LocalizedText;
    cause?: unknown;
  }) {
    super(options.message.en, { cause: options.cause });
    this.name = 'StoreError';
    this.code = options.code;
    this.collection = options.collection;
    this.documentId = options.documentId;
    this.field = options.field;
    this.localized = options.message;
  }

  /** The error in the shape commands return. */
  toDomainError(): DomainError {
    return this.field === undefined
      ? { code: this.code, message: this.localized }
      : { code: this.code, message: this.localized, field: this.field };
  }
}

const list = (values: unknown): string =>
  Array.isArray(values) ? values.map(String).join(', ') : String(values);

/** The reason of a violation, in plain words. */
const reasonOf = (v: SchemaViolation): LocalizedText => {
  const p = v.params ?? {};
  switch (v.keyword) {
    case 'required':
      return { en: 'is missing', it: 'manca' };
    case 'additionalProperties':
      return { en: 'is not a field of this record', it: 'non è un campo di questo record' };
    case 'enum':
      return {
        en: `must be one of: ${list(p['allowedValues'])}`,
        it: `deve essere uno tra: ${list(p['allowedValues'])}`,
      };
    case 'type':
      return {
        en: `must be of type ${list(p['type'])}`,
        it: `deve essere di tipo ${list(p['type'])}`,
      };
    case 'maxLength':
      return {
        en: `is longer than ${String(p['limit'])} characters`,
        it: `supera ${String(p['limit'])} caratteri`,
      };
    case 'minLength':
      return {
        en: `is shorter than ${String(p['limit'])} characters`,
        it: `ha meno di ${String(p['limit'])} caratteri`,
      };
    case 'maximum':
      return {
        en: `must be at most ${String(p['limit'])}`,
        it: `deve essere al massimo ${String(p['limit'])}`,
      };
    case 'minimum':
      return {
        en: `must be at least ${String(p['limit'])}`,
        it: `deve essere almeno ${String(p['limit'])}`,
      };
    case 'multipleOf':
      return { en: 'must be a whole number', it: 'deve essere un numero intero' };
    case 'maxItems':
      return {
        en: `has more than ${String(p['limit'])} entries`,
        it: `ha più di ${String(p['limit'])} elementi`,
      };
    case 'pattern':
      return { en: 'has the wrong format', it: 'ha un formato non valido' };
    case 'anyOf':
      return { en: 'has a value of the wrong kind', it: 'ha un valore del tipo sbagliato' };
    default:
      return { en: v.message ?? 'is not valid', it: 'non è valido' };
  }
};

/** The dotted path of the field a violation is about (`address.city`, `lines.0.quantity`). */
export const fieldOf = (v: SchemaViolation): string | undefined => {
  const path = (v.instancePath ?? '').split('/').filter((s) => s !== '');
  const p = v.params ?? {};
  if (v.keyword === 'required' && typeof p['missingProperty'] === 'string') {
    path.push(p['missingProperty']);
  }
  if (v.keyword === 'additionalProperties' && typeof p['additionalProperty'] === 'string') {
    path.push(p['additionalProperty']);
  }
  return path.length > 0 ? path.join('.') : undefined;
};

export const schemaViolationError = (
  collection: string,
  documentId: string | undefined,
  violations: readonly SchemaViolation[],
  cause?: unknown,
): StoreError => {
  const first = violations[0] ?? {};
  const field = fieldOf(first);
  const reason = reasonOf(first);
  const what =
    field === undefined
      ? { en: 'The document', it: 'Il documento' }
      : { en: `Field ${field}`, it: `Il campo ${field}` };
  const where = documentId === undefined ? '' : ` (${documentId})`;
  return new StoreError({
    code: 'store.invalid_document',
    collection,
    documentId,
    field,
    message: {
      en: `Not saved: ${what.en} ${reason.en} in ${collection}${where}.`,
      it: `Non salvato: ${what.it} ${reason.it} in ${collection}${where}.`,
    },
    cause,
  });
};

type RxErrorLike = { code?: unknown; parameters?: Record<string, unknown> };

/** A store-level error from anything a write threw; schema violations name their field. */
export const toStoreError = (error: unknown, collection: string): StoreError => {
  if (error instanceof StoreError) return error;
  const rx = (error ?? {}) as RxErrorLike;
  const params = rx.parameters ?? {};
  const writeError = params['writeError'] as
    { validationErrors?: SchemaViolation[]; documentId?: string } | undefined;
  const violations =
    writeError?.validationErrors ?? (params['errors'] as SchemaViolation[] | undefined);
  if (Array.isArray(violations) && violations.length > 0) {
    const id = typeof params['id'] === 'string' ? params['id'] : writeError?.documentId;
    return schemaViolationError(collection, id, violations, error);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new StoreError({
    code: 'store.write_failed',
    collection,
    message: {
      en: `Could not save to ${collection}: ${detail}`,
      it: `Impossibile salvare in ${collection}: ${detail}`,
    },
    cause: error,
  });
};
