// Limits on what a pushed document may look like, checked before any recursive work
// (comparison, validation, serialization): a few thousand levels of nesting would otherwise
// overflow the stack, and an unbounded document would be stored and served to everyone.

/** Deeper than any record (a conflict activity holding lines is about 6 levels). */
export const MAX_JSON_DEPTH = 32;
/** Larger than any record the schemas allow (a price list of 20,000 items ≈ 2.5 MB). */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

export type ShapeProblem = 'too_deep' | 'too_large';

/**
 * Walks a parsed JSON value with an explicit stack and stops at the first limit passed. The
 * size is the JSON text's length, counted from strings, keys and a few bytes per value.
 */
export const shapeProblem = (
  value: unknown,
  maxDepth = MAX_JSON_DEPTH,
  maxBytes = MAX_DOCUMENT_BYTES,
): ShapeProblem | null => {
  let bytes = 0;
  const stack: [unknown, number][] = [[value, 1]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [v, depth] = item;
    bytes += typeof v === 'string' ? v.length + 2 : 8;
    if (bytes > maxBytes) return 'too_large';
    if (v === null || typeof v !== 'object') continue;
    if (depth > maxDepth) return 'too_deep';
    if (Array.isArray(v)) {
      for (const child of v as unknown[]) stack.push([child, depth + 1]);
      continue;
    }
    for (const [key, child] of Object.entries(v)) {
      bytes += key.length + 3;
      stack.push([child, depth + 1]);
    }
  }
  return null;
};
