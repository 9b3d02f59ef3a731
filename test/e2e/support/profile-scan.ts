// Reads a Chromium profile folder the way a finder of a lost laptop could: every file, with
// LevelDB (IndexedDB, Local Storage) decoded — table blocks Snappy-decompressed, log records
// reassembled — and each text looked for as UTF-8/Latin-1 and as UTF-16LE, as V8 stores
// strings in IndexedDB values. A plain grep of the folder would prove nothing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Raw Snappy (the block format LevelDB uses), after google/snappy's format_description. */
export const snappyDecompress = (input: Uint8Array): Uint8Array => {
  let pos = 0;
  let length = 0;
  for (let shift = 0; ; shift += 7) {
    if (pos >= input.length || shift > 28) throw new Error('snappy: bad length');
    const byte = input[pos++] as number;
    length |= (byte & 0x7f) << shift;
    if (byte < 0x80) break;
  }
  const out = new Uint8Array(length);
  let at = 0;
  while (pos < input.length) {
    const tag = input[pos++] as number;
    const kind = tag & 3;
    if (kind === 0) {
      let len = tag >>> 2;
      if (len >= 60) {
        const bytes = len - 59;
        len = 0;
        for (let i = 0; i < bytes; i++) len |= (input[pos++] as number) << (8 * i);
      }
      len += 1;
      if (pos + len > input.length || at + len > length) throw new Error('snappy: bad literal');
      out.set(input.subarray(pos, pos + len), at);
      pos += len;
      at += len;
      continue;
    }
    let len: number;
    let offset: number;
    if (kind === 1) {
      len = ((tag >>> 2) & 7) + 4;
      offset = ((tag >>> 5) << 8) | (input[pos++] as number);
    } else if (kind === 2) {
      len = (tag >>> 2) + 1;
      offset = (input[pos] as number) | ((input[pos + 1] as number) << 8);
      pos += 2;
    } else {
      len = (tag >>> 2) + 1;
      offset =
        ((input[pos] as number) |
          ((input[pos + 1] as number) << 8) |
          ((input[pos + 2] as number) << 16) |
          ((input[pos + 3] as number) << 24)) >>>
        0;
      pos += 4;
    }
    if (offset === 0 || offset > at || at + len > length) throw new Error('snappy: bad copy');
    for (let i = 0; i < len; i++, at++) out[at] = out[at - offset] as number;
  }
  if (at !== length) throw new Error('snappy: short output');
  return out;
};

const varint = (bytes: Uint8Array, pos: number): [number, number] => {
  let value = 0;
  for (let shift = 0; shift < 64; shift += 7) {
    const byte = bytes[pos++];
    if (byte === undefined) throw new Error('varint past the end');
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, pos];
  }
  throw new Error('varint too long');
};

/** Key/value entries of one LevelDB table block (prefix-compressed keys, restart array). */
const blockEntries = (block: Uint8Array): Uint8Array[] => {
  const parts: Uint8Array[] = [];
  if (block.length < 4) return parts;
  const restarts = new DataView(block.buffer, block.byteOffset).getUint32(block.length - 4, true);
  const end = block.length - 4 - restarts * 4;
  let pos = 0;
  let key = new Uint8Array(0);
  while (pos < end) {
    const [shared, a] = varint(block, pos);
    const [unshared, b] = varint(block, a);
    const [valueLength, c] = varint(block, b);
    const next = new Uint8Array(shared + unshared);
    next.set(key.subarray(0, shared), 0);
    next.set(block.subarray(c, c + unshared), shared);
    key = next;
    parts.push(key, block.subarray(c + unshared, c + unshared + valueLength));
    pos = c + unshared + valueLength;
  }
  return parts;
};

const blockAt = (file: Uint8Array, offset: number, size: number): Uint8Array => {
  const contents = file.subarray(offset, offset + size);
  const type = file[offset + size];
  return type === 1 ? snappyDecompress(contents) : contents;
};

/** Every block of a LevelDB table (.ldb/.sst), decompressed, and the entries in them. */
export const leveldbTableParts = (file: Uint8Array): Uint8Array[] => {
  const footer = file.subarray(file.length - 48);
  let [, pos] = varint(footer, 0);
  [, pos] = varint(footer, pos);
  const [indexOffset, p2] = varint(footer, pos);
  const [indexSize] = varint(footer, p2);
  const index = blockAt(file, indexOffset, indexSize);
  const parts: Uint8Array[] = [index];
  const entries = blockEntries(index);
  for (let i = 1; i < entries.length; i += 2) {
    const handle = entries[i] as Uint8Array;
    const [offset, next] = varint(handle, 0);
    const [size] = varint(handle, next);
    const block = blockAt(file, offset, size);
    parts.push(block, ...blockEntries(block));
  }
  return parts;
};

/** The records of a LevelDB log (.log, MANIFEST), reassembled across 32 KiB blocks. */
export const leveldbLogRecords = (file: Uint8Array): Uint8Array[] => {
  const records: Uint8Array[] = [];
  let pending: Uint8Array[] = [];
  const BLOCK = 32 * 1024;
  let pos = 0;
  while (pos + 7 <= file.length) {
    const left = BLOCK - (pos % BLOCK);
    if (left < 7) {
      pos += left;
      continue;
    }
    const length = (file[pos + 4] as number) | ((file[pos + 5] as number) << 8);
    const type = file[pos + 6] as number;
    const data = file.subarray(pos + 7, pos + 7 + length);
    pos += 7 + length;
    if (type === 0 && length === 0) continue;
    if (type === 1) records.push(data);
    else if (type === 2) pending = [data];
    else if (type === 3) pending.push(data);
    else if (type === 4) {
      pending.push(data);
      records.push(Buffer.concat(pending));
      pending = [];
    }
  }
  return records;
};

// Values Chromium itself compresses (large IndexedDB values) are found by trying Snappy at
// the first bytes of every value; a try that does not decode exactly is ignored.
const decompressedTries = (value: Uint8Array): Uint8Array[] => {
  const found: Uint8Array[] = [];
  for (let skip = 0; skip < Math.min(8, value.length); skip++) {
    try {
      const out = snappyDecompress(value.subarray(skip));
      if (out.length >= 16) found.push(out);
    } catch {
      // not a Snappy stream at this offset
    }
  }
  return found;
};

const isLevelDbTable = (name: string) => name.endsWith('.ldb') || name.endsWith('.sst');
const isLevelDbLog = (name: string) => name.endsWith('.log') || name.startsWith('MANIFEST-');

/** The decoded texts of one file: the raw bytes plus what LevelDB decoding yields. */
export const decodedParts = (path: string, bytes: Uint8Array): Uint8Array[] => {
  const name = path.split('/').pop() ?? path;
  const parts: Uint8Array[] = [bytes];
  try {
    if (isLevelDbTable(name)) parts.push(...leveldbTableParts(bytes));
    else if (isLevelDbLog(name)) parts.push(...leveldbLogRecords(bytes));
  } catch {
    // A file being written when the browser stopped: its raw bytes are still searched.
  }
  return [...parts, ...parts.slice(1).flatMap(decompressedTries)];
};

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() && statSync(path).size > 0 ? [path] : [];
  });

export type ProfileFinding = { value: string; file: string; encoding: 'utf-8' | 'utf-16le' };

export type ProfileScan = {
  files: number;
  levelDbFiles: number;
  findings: ProfileFinding[];
};

/** Looks for each value in every file of the profile folder, decoded. */
export const scanProfile = (root: string, values: readonly string[]): ProfileScan => {
  const files = filesUnder(root);
  const findings: ProfileFinding[] = [];
  const needles = values.map((value) => ({
    value,
    utf8: Buffer.from(value, 'utf8'),
    utf16: Buffer.from(value, 'utf16le'),
  }));
  let levelDbFiles = 0;
  for (const file of files) {
    const name = file.split('/').pop() ?? file;
    if (isLevelDbTable(name) || isLevelDbLog(name)) levelDbFiles++;
    const parts = decodedParts(file, readFileSync(file)).map((part) => Buffer.from(part));
    for (const needle of needles) {
      for (const encoding of ['utf-8', 'utf-16le'] as const) {
        const bytes = encoding === 'utf-8' ? needle.utf8 : needle.utf16;
        if (parts.some((part) => part.includes(bytes))) {
          findings.push({ value: needle.value, file: relative(root, file), encoding });
        }
      }
    }
  }
  return { files: files.length, levelDbFiles, findings };
};
