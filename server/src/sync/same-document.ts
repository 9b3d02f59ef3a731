// Document equality for conflict detection and idempotence: the record fields and the
// deletion flag, key order ignored. Devices send no other `_` field (RxDB strips `_meta`,
// `_rev` and `_attachments` before a push), so any such field makes documents differ.

type Part = { text: string } | { value: unknown };

/**
 * JSON text with object keys sorted, built with an explicit stack: a document nested deeper
 * than any call stack compares without overflowing it.
 */
export const canonicalJson = (value: unknown): string => {
  let out = '';
  const stack: Part[] = [{ value }];
  for (let part = stack.pop(); part !== undefined; part = stack.pop()) {
    if ('text' in part) {
      out += part.text;
      continue;
    }
    const v = part.value;
    const parts: Part[] = [];
    if (Array.isArray(v)) {
      parts.push({ text: '[' });
      v.forEach((item: unknown, i) => {
        if (i > 0) parts.push({ text: ',' });
        parts.push({ value: item === undefined ? null : item });
      });
      parts.push({ text: ']' });
    } else if (v !== null && typeof v === 'object') {
      const record = v as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort();
      parts.push({ text: '{' });
      keys.forEach((k, i) => {
        parts.push({ text: `${i > 0 ? ',' : ''}${JSON.stringify(k)}:` }, { value: record[k] });
      });
      parts.push({ text: '}' });
    } else {
      out += JSON.stringify(v) ?? 'null';
      continue;
    }
    for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i] as Part);
  }
  return out;
};

export const documentKey = (doc: Record<string, unknown>): string => {
  const { _deleted: deleted, ...fields } = doc;
  return `[${deleted === true ? 'true' : 'false'},${canonicalJson(fields)}]`;
};

export const sameDocument = (a: Record<string, unknown>, b: Record<string, unknown>): boolean =>
  documentKey(a) === documentKey(b);
