// Document equality for conflict detection and idempotence: the record fields and the
// deletion flag, key order and RxDB bookkeeping (_meta, _rev, _attachments) ignored.

const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
};

const ignored = new Set(['_meta', '_rev', '_attachments', '_deleted']);

export const documentKey = (doc: Record<string, unknown>): string => {
  const fields = Object.fromEntries(Object.entries(doc).filter(([key]) => !ignored.has(key)));
  return JSON.stringify([doc._deleted === true, canonical(fields)]);
};

export const sameDocument = (a: Record<string, unknown>, b: Record<string, unknown>): boolean =>
  documentKey(a) === documentKey(b);
