// UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Unique and time-ordered,
// generated on the device with no round trip. Randomness is injected to keep this pure.

const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export const uuidv7 = (unixMs: number, random: Uint8Array): string => {
  if (random.length < 10) throw new RangeError('uuidv7 needs 10 random bytes');
  const bytes = new Uint8Array(16);
  let ms = Math.floor(unixMs);
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes.set(random.subarray(0, 10), 6);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f); // version 7
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f); // variant 10
  const h = hex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

/**
 * An id derived deterministically from another id and a purpose, so a retried command
 * (qualify, create order…) produces the same ids and creates nothing twice.
 * FNV-1a based; stays in the UUID shape and is stable across runtimes.
 */
export const derivedId = (sourceId: string, purpose: string): string => {
  const input = `${sourceId}:${purpose}`;
  const out = new Uint8Array(16);
  for (let lane = 0; lane < 4; lane++) {
    let h = 0x811c9dc5 ^ (lane * 0x9e3779b1);
    for (let i = 0; i < input.length; i++) {
      h ^= input.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out[lane * 4] = h >>> 24;
    out[lane * 4 + 1] = (h >>> 16) & 0xff;
    out[lane * 4 + 2] = (h >>> 8) & 0xff;
    out[lane * 4 + 3] = h & 0xff;
  }
  // Keep the time prefix of the source (when it is a UUIDv7) so derived ids sort near it.
  const prefix = sourceId.replace(/-/g, '').slice(0, 12);
  const h =
    prefix.length === 12 && /^[0-9a-f]+$/.test(prefix) ? prefix + hex(out).slice(12) : hex(out);
  const v = `8${h.slice(13, 16)}`; // version 8: custom, derived
  const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${v}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
