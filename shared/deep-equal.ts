// The one structural equality of the project (the server's change checks, the device's
// merge and comparisons): JSON-like values, key order and keys holding undefined ignored.

/**
 * Structural equality of JSON-like values; object key order does not matter. Iterative, so
 * no nesting a device sends can exhaust the stack.
 */
export const deepEqual = (a: unknown, b: unknown): boolean => {
  const pending: [unknown, unknown][] = [[a, b]];
  for (let pair = pending.pop(); pair !== undefined; pair = pending.pop()) {
    const [x, y] = pair;
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) return false;
      x.forEach((v, i) => pending.push([v, y[i]]));
      continue;
    }
    const rx = x as Record<string, unknown>;
    const ry = y as Record<string, unknown>;
    const kx = Object.keys(rx).filter((k) => rx[k] !== undefined);
    const ky = Object.keys(ry).filter((k) => ry[k] !== undefined);
    if (kx.length !== ky.length) return false;
    for (const k of kx) {
      pending.push([rx[k], ry[k]]);
    }
  }
  return true;
};
