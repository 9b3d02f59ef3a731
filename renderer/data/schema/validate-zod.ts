// Document validation for the store from the zod record schemas (the single source of truth),
// instead of ajv: ajv compiles validators with `new Function`, which the desktop app's
// Content Security Policy (no 'unsafe-eval') forbids. Documents the replication writes as
// pulled from the server are not checked again: the server validated them against the same
// schemas, and a first sync of 50k documents would spend most of its time re-checking.
import type {
  BulkWriteRow,
  RxJsonSchema,
  RxStorage,
  RxStorageWriteErrorValidation,
  RxValidationError,
} from 'rxdb';
import { getPrimaryFieldOfPrimaryKey } from 'rxdb';
import type { z } from 'zod';
import { collectionSchemaOf } from '../../../shared/domain/rx-schemas';
import { recordSchemas, recordTypes } from '../../../shared/domain/records';
import type { RecordType } from '../../../shared/domain/records';
import type { SchemaViolation } from '../store-error';
import { withoutRxMeta } from '../../../shared/rx-meta';

const current = new Map(
  recordTypes.map((type) => {
    const schema = collectionSchemaOf(type);
    return [schema.title, { type, version: schema.version }] as const;
  }),
);

/** The record without RxDB's bookkeeping fields, which the record schemas do not list. */
const recordPart = (doc: Record<string, unknown>): Record<string, unknown> =>
  withoutRxMeta(doc, 'drop');

/** A zod issue in the shape of an ajv error, which StoreError turns into plain words. */
export const violationOf = (issue: z.core.$ZodIssue): SchemaViolation & RxValidationError => {
  const path = issue.path.map(String);
  const field = path.join('.');
  const base = { field, message: issue.message };
  const parent = `/${path.slice(0, -1).join('/')}`.replace(/\/$/, '');
  const leaf = path[path.length - 1];
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined && leaf !== undefined
        ? { ...base, instancePath: parent, keyword: 'required', params: { missingProperty: leaf } }
        : {
            ...base,
            instancePath: `/${path.join('/')}`,
            keyword: 'type',
            params: { type: issue.expected },
          };
    case 'invalid_value':
      return {
        ...base,
        instancePath: `/${path.join('/')}`,
        keyword: 'enum',
        params: { allowedValues: issue.values },
      };
    case 'unrecognized_keys':
      return {
        ...base,
        field: [...path, issue.keys[0] ?? ''].join('.'),
        instancePath: `/${path.join('/')}`.replace(/\/$/, ''),
        keyword: 'additionalProperties',
        params: { additionalProperty: issue.keys[0] },
      };
    case 'too_big':
    case 'too_small': {
      const kind = issue.origin === 'string' ? 'Length' : issue.origin === 'array' ? 'Items' : '';
      const keyword = `${issue.code === 'too_big' ? 'max' : 'min'}${kind}`;
      const limit = issue.code === 'too_big' ? issue.maximum : issue.minimum;
      return {
        ...base,
        instancePath: `/${path.join('/')}`,
        keyword: kind === '' ? (issue.code === 'too_big' ? 'maximum' : 'minimum') : keyword,
        params: { limit: Number(limit) },
      };
    }
    case 'invalid_format':
      return { ...base, instancePath: `/${path.join('/')}`, keyword: 'pattern', params: {} };
    case 'not_multiple_of':
      return { ...base, instancePath: `/${path.join('/')}`, keyword: 'multipleOf', params: {} };
    default:
      return { ...base, instancePath: `/${path.join('/')}`, keyword: issue.code, params: {} };
  }
};

/** The validator of one collection schema: its record's zod schema at the current version. */
export const zodValidatorFor = (
  schema: RxJsonSchema<unknown>,
): ((doc: Record<string, unknown>) => RxValidationError[]) => {
  const known = schema.title === undefined ? undefined : current.get(schema.title);
  // An older version of a collection is only read while its data is migrated.
  if (known === undefined || known.version !== schema.version) return () => [];
  const record: z.ZodType = recordSchemas[known.type as RecordType];
  return (doc) => {
    const parsed = record.safeParse(recordPart(doc), {
      reportInput: true,
      // zod's fast path compiles parsers with `new Function`; the plain parser needs no eval.
      jitless: true,
    });
    return parsed.success ? [] : parsed.error.issues.map(violationOf);
  };
};

/** RxDB's context of the replication's writes of pulled documents (see sync/pending.ts). */
export const isPulledWrite = (context: string): boolean =>
  context.startsWith('replication-downstream');

type AnyStorage = RxStorage<unknown, unknown>;
type Row = BulkWriteRow<Record<string, unknown>>;

/** The storage with every local write checked against its record schema. */
export const wrappedValidateZodStorage = (args: { storage: AnyStorage }): AnyStorage => ({
  ...args.storage,
  name: `validate-zod-${args.storage.name}`,
  async createStorageInstance(params) {
    const instance = await args.storage.createStorageInstance(params);
    const primary = getPrimaryFieldOfPrimaryKey(params.schema.primaryKey) as string;
    let validate: ((doc: Record<string, unknown>) => RxValidationError[]) | undefined;
    const write = instance.bulkWrite.bind(instance);
    instance.bulkWrite = async (rows, context) => {
      if (isPulledWrite(context)) return write(rows, context);
      validate ??= zodValidatorFor(params.schema as RxJsonSchema<unknown>);
      const refused: RxStorageWriteErrorValidation<Record<string, unknown>>[] = [];
      const accepted: typeof rows = [];
      for (const row of rows) {
        const validationErrors = (validate as NonNullable<typeof validate>)(
          row.document as Record<string, unknown>,
        );
        if (validationErrors.length === 0) accepted.push(row);
        else
          refused.push({
            status: 422,
            isError: true,
            documentId: String((row.document as Record<string, unknown>)[primary]),
            writeRow: row as unknown as Row,
            validationErrors,
            schema: params.schema as never,
            context,
          } as RxStorageWriteErrorValidation<Record<string, unknown>>);
      }
      const result =
        accepted.length > 0 ? await write(accepted, context) : { error: [] as never[] };
      return { ...result, error: [...result.error, ...(refused as never[])] };
    };
    return instance;
  },
});
