// RxDB JSON schemas generated from the zod record schemas (records.ts stays the single source
// of truth). Pure: no RxDB import; the result is typed structurally and the renderer casts it
// to RxJsonSchema. Indexes serve the lists, the pipeline and the timeline (DESIGN.md §2).
import { z } from 'zod';
import type { RecordType } from './records';
import { recordSchemas, recordTypes } from './records';

export type JsonSchema = { [keyword: string]: unknown };

export type CollectionIndex = string | readonly string[];

export type CollectionJsonSchema = {
  title: string;
  description: string;
  version: number;
  primaryKey: 'id';
  type: 'object';
  properties: Record<string, JsonSchema>;
  required: string[];
  indexes: CollectionIndex[];
  additionalProperties: false;
};

/**
 * Schema version per record type. A bump needs a migration strategy for the new version in
 * renderer/data/schema/migrations.ts and a frozen copy of the old shape for its test.
 */
export const schemaVersions: Readonly<Record<RecordType, number>> = {
  // v1: leads gained `searchTerms` (v0 was the pre-release shape without it).
  // v2: leads gained `tradeFairId` and `fairAnswers` (fair mode). v3: no index on names or
  // email (encryption at rest keeps indexed fields readable).
  lead: 3,
  // v1: accounts gained `shippingAddress` and `documentLanguage`. v2: no personal indexes.
  account: 2,
  // v1: contacts gained an optional `consent` (withdrawal is recorded there). v2: no index
  // on names or email.
  contact: 2,
  // v1: opportunities gained `forecastCategory` (null: follows stage and probability).
  opportunity: 1,
  quote: 0,
  // v1: orders gained `customerReference`.
  order: 1,
  // v1: invoices gained `documentType`, the corrected invoice, `payments` and `credits`;
  // v2: `customerReference`.
  invoice: 2,
  activity: 0,
  product: 0,
  pricelist: 0,
  // v1: the `company` kind joined the kind enum (same documents, a new allowed value).
  refdata: 1,
  tradefair: 0,
};

// Nullable fields cannot be indexed in RxDB, so lists that sort by one (close date) sort the
// already-filtered rows in memory. The primary key is appended to every index by RxDB.
// Indexed fields stay readable in the encrypted store (renderer/data/encryption), so no index may
// hold personal data (names, email, phone, VAT number): lists sort those in memory and text
// lookups go through the in-memory search index.
export const collectionIndexes: Readonly<Record<RecordType, readonly CollectionIndex[]>> = {
  lead: ['createdAt', ['status', 'createdAt'], ['rating', 'createdAt'], ['source', 'createdAt']],
  account: ['updatedAt'],
  contact: ['updatedAt'],
  opportunity: [
    ['state', 'stage'],
    ['ownerId', 'stage'],
    ['stage', 'updatedAt'],
  ],
  quote: ['number', ['state', 'updatedAt']],
  order: ['number', ['state', 'updatedAt']],
  invoice: ['number', ['state', 'updatedAt']],
  activity: [['regardingType', 'regardingId', 'occurredAt'], 'occurredAt'],
  product: ['sku', 'name'],
  pricelist: ['name'],
  refdata: [['kind', 'key']],
  // Dates only: the fair picker lists the current and coming fairs first.
  tradefair: ['startDate'],
};

const longest = (values: readonly unknown[]): number =>
  Math.max(1, ...values.map((v) => String(v).length));

/** RxDB wants bounds on indexed fields: maxLength on strings, range and step on numbers. */
const indexable = (field: string, schema: JsonSchema): JsonSchema => {
  const type = schema['type'];
  if (type === 'string') {
    const maxLength =
      typeof schema['maxLength'] === 'number'
        ? schema['maxLength']
        : Array.isArray(schema['enum'])
          ? longest(schema['enum'])
          : undefined;
    if (maxLength === undefined) throw new Error(`indexed field ${field} has no maxLength`);
    return { ...schema, maxLength };
  }
  if (type === 'integer' || type === 'number') {
    if (typeof schema['minimum'] !== 'number' || typeof schema['maximum'] !== 'number') {
      throw new Error(`indexed field ${field} needs a minimum and a maximum`);
    }
    return { ...schema, multipleOf: schema['multipleOf'] ?? (type === 'integer' ? 1 : 0.01) };
  }
  if (type === 'boolean') return schema;
  throw new Error(`field ${field} cannot be indexed (nullable or not a scalar)`);
};

/** The zod schema of a record as a draft-7 JSON schema object, without `$schema`. */
export const jsonSchemaOf = (type: RecordType): JsonSchema => {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(recordSchemas[type], {
    target: 'draft-7',
  }) as JsonSchema;
  return schema;
};

const titles: Readonly<Record<RecordType, string>> = {
  lead: 'lead',
  account: 'account',
  contact: 'contact',
  opportunity: 'opportunity',
  quote: 'quote',
  order: 'order',
  invoice: 'invoice',
  activity: 'activity',
  product: 'product',
  pricelist: 'price list',
  refdata: 'reference data',
  tradefair: 'trade fair',
};

/** The collection schema of a record type at its current version. */
export const collectionSchemaOf = (
  type: RecordType,
  indexes: readonly CollectionIndex[] = collectionIndexes[type],
): CollectionJsonSchema => {
  const json = jsonSchemaOf(type);
  const properties = { ...(json['properties'] as Record<string, JsonSchema>) };
  for (const field of new Set(indexes.flat())) {
    const property = properties[field];
    if (property === undefined) throw new Error(`indexed field ${type}.${field} does not exist`);
    properties[field] = indexable(`${type}.${field}`, property);
  }
  return {
    title: titles[type],
    description: `Fairlead ${titles[type]} record`,
    version: schemaVersions[type],
    primaryKey: 'id',
    type: 'object',
    properties,
    required: [...((json['required'] as string[] | undefined) ?? [])],
    indexes: indexes.map((index) => (typeof index === 'string' ? index : [...index])),
    additionalProperties: false,
  };
};

export const collectionSchemas = (): Record<RecordType, CollectionJsonSchema> =>
  Object.fromEntries(recordTypes.map((type) => [type, collectionSchemaOf(type)])) as Record<
    RecordType,
    CollectionJsonSchema
  >;
