// Encryption at rest as an RxDB storage wrapper (like the validation wrapper), chosen over
// encrypting at the command boundary because every path that writes to IndexedDB goes
// through the storage: commands, replication pulls, its assumed-master copies, local
// documents, schema migrations, and whatever collection is added later. Each stored document
// keeps in the clear only its id, RxDB's bookkeeping (`_meta`, `_rev`, `_deleted`) and its
// indexed fields, which rx-schemas.ts keeps free of personal data; the rest is one AES-GCM
// ciphertext. Queries whose selector or sort name a sealed field are answered here: the
// storage is asked with the clear part only, and the full selector, sort, skip and limit are
// applied to the opened documents.
import type {
  FilledMangoQuery,
  MangoQuerySelector,
  PreparedQuery,
  RxDocumentData,
  RxJsonSchema,
  RxStorage,
  RxStorageCountResult,
  RxStorageInstance,
  RxStorageInstanceCreationParams,
  RxStorageQueryResult,
} from 'rxdb';
import {
  getPrimaryFieldOfPrimaryKey,
  getQueryMatcher,
  getSortComparator,
  INTERNAL_STORAGE_NAME,
  prepareQuery,
  wrapRxStorageInstance,
} from 'rxdb';
import type { DataKey } from './record-cipher';
import { openJson, sealJson } from './record-cipher';
import { shareDexieTable } from '../rx-internals';

/** The stored field that holds the sealed part of a document. */
export const SEALED_FIELD = '_sealed';

type Doc = Record<string, unknown>;

const topField = (path: string): string => path.split('.')[0] ?? path;

/** Fields a stored document keeps readable: id, bookkeeping and the indexed fields. */
export const clearFieldsOf = (
  schema: RxJsonSchema<RxDocumentData<unknown>>,
): ReadonlySet<string> => {
  const fields = new Set<string>([getPrimaryFieldOfPrimaryKey(schema.primaryKey as never)]);
  for (const name of ['_meta', '_rev', '_deleted', '_attachments']) fields.add(name);
  for (const index of schema.indexes ?? []) {
    for (const path of [index].flat()) fields.add(topField(path));
  }
  return fields;
};

/** The top-level fields a selector or sort reads, through $and/$or/$nor. */
const fieldsRead = (
  selector: MangoQuerySelector<unknown>,
  into = new Set<string>(),
): Set<string> => {
  for (const [key, value] of Object.entries(selector as Doc)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      for (const part of value as MangoQuerySelector<unknown>[]) fieldsRead(part, into);
    } else if (!key.startsWith('$')) into.add(topField(key));
  }
  return into;
};

const readsSealed = (query: FilledMangoQuery<unknown>, clear: ReadonlySet<string>): boolean => {
  const fields = fieldsRead(query.selector);
  for (const part of query.sort) for (const key of Object.keys(part)) fields.add(topField(key));
  return [...fields].some((field) => !clear.has(field));
};

/** The conditions of a selector that only read clear fields (a superset of the matches). */
const clearPart = (selector: MangoQuerySelector<unknown>, clear: ReadonlySet<string>): Doc =>
  Object.fromEntries(
    Object.entries(selector as Doc).filter(
      ([key]) => !key.startsWith('$') && clear.has(topField(key)),
    ),
  );

export type EncryptedStorageOptions = {
  storage: RxStorage<unknown, unknown>;
  /** The data key; every document written is sealed with it. */
  key: DataKey;
};

type Instance = RxStorageInstance<unknown, unknown, unknown>;

export const wrappedEncryptedStorage = ({
  storage,
  key,
}: EncryptedStorageOptions): RxStorage<unknown, unknown> => {
  const createStorageInstance = async (
    params: RxStorageInstanceCreationParams<unknown, unknown>,
  ): Promise<Instance> => {
    const instance = (await storage.createStorageInstance(params)) as Instance;
    // The database's own bookkeeping (collection names and schemas) holds no records.
    if (params.collectionName === INTERNAL_STORAGE_NAME) return instance;
    const schema = params.schema as unknown as RxJsonSchema<RxDocumentData<unknown>>;
    const primary = getPrimaryFieldOfPrimaryKey(schema.primaryKey as never);
    const clear = clearFieldsOf(schema);
    const contextOf = (doc: Doc) => `${params.collectionName}/${String(doc[primary])}`;

    const seal = async (doc: Doc): Promise<Doc> => {
      const kept: Doc = {};
      const secret: Doc = {};
      for (const [field, value] of Object.entries(doc)) {
        if (clear.has(field)) kept[field] = value;
        else secret[field] = value;
      }
      kept[SEALED_FIELD] = await sealJson(key, secret, contextOf(doc));
      return kept;
    };
    const open = async (doc: Doc): Promise<Doc> => {
      const sealed = doc[SEALED_FIELD];
      // A document written before encryption was switched on is read as it is.
      if (typeof sealed !== 'string') return doc;
      const { [SEALED_FIELD]: _sealed, ...kept } = doc;
      const secret = (await openJson(key, sealed, contextOf(doc))) as Doc;
      return { ...secret, ...kept };
    };

    const wrapped = wrapRxStorageInstance(
      schema,
      instance as RxStorageInstance<RxDocumentData<unknown>, unknown, unknown>,
      seal as never,
      open as never,
    ) as unknown as Instance;
    // The search scan reads Dexie's table directly (far faster than a cursor query): it gets
    // the same read, with every row opened here; nothing else of the table is reachable.
    shareDexieTable(wrapped, instance, open);
    const passQuery = wrapped.query.bind(wrapped);
    const passCount = wrapped.count.bind(wrapped);

    const openedMatches = async (query: FilledMangoQuery<unknown>): Promise<Doc[]> => {
      const wide = prepareQuery(schema, {
        selector: clearPart(query.selector, clear) as MangoQuerySelector<RxDocumentData<unknown>>,
        sort: [{ [primary]: 'asc' } as never],
        skip: 0,
      });
      const { documents } = await passQuery(wide as PreparedQuery<unknown>);
      const matches = getQueryMatcher(schema, query as never);
      return (documents as Doc[]).filter((doc) => matches(doc as never));
    };

    wrapped.query = async (
      prepared: PreparedQuery<unknown>,
    ): Promise<RxStorageQueryResult<unknown>> => {
      if (!readsSealed(prepared.query, clear)) return passQuery(prepared);
      const { query } = prepared;
      const rows = (await openedMatches(query)).sort(getSortComparator(schema, query as never));
      const skip = query.skip ?? 0;
      const end = typeof query.limit === 'number' ? skip + query.limit : undefined;
      return { documents: rows.slice(skip, end) as RxDocumentData<unknown>[] };
    };
    wrapped.count = async (prepared: PreparedQuery<unknown>): Promise<RxStorageCountResult> => {
      if (!readsSealed(prepared.query, clear)) return passCount(prepared);
      return { count: (await openedMatches(prepared.query)).length, mode: 'slow' };
    };
    return wrapped;
  };
  return {
    ...storage,
    name: `encrypted-${storage.name}`,
    createStorageInstance: createStorageInstance as RxStorage<
      unknown,
      unknown
    >['createStorageInstance'],
  };
};
