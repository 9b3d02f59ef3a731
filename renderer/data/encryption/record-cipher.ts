// AES-GCM (WebCrypto) sealing of the part of a stored document that may hold personal data.
// Each document gets a fresh 96-bit IV; the collection and document id are the additional
// data, so a ciphertext copied onto another document fails to open instead of moving data.

/** A WebCrypto AES key (spelled without the DOM lib, so Node-side code can name it too). */
export type DataKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Ciphertext format marker: bump it when the layout below changes. */
const FORMAT = 'g1.';
const IV_BYTES = 12;

export const toBase64 = (bytes: Uint8Array): string => {
  let text = '';
  // Chunked: String.fromCharCode with a spread overflows the stack on large documents.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
};

export const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
};

/** A random AES-256-GCM data key; extractable only so that it can be wrapped once. */
export const generateDataKey = (): Promise<DataKey> =>
  crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);

/** The raw bytes of a data key, for wrapping (never stored in the clear). */
export const exportDataKey = async (key: DataKey): Promise<Uint8Array<ArrayBuffer>> =>
  new Uint8Array(await crypto.subtle.exportKey('raw', key));

/** The data key for use in memory: not extractable, so page scripts cannot read it out. */
export const importDataKey = (raw: Uint8Array<ArrayBuffer>): Promise<DataKey> =>
  crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);

/** Encrypts a JSON value; the result is text, as IndexedDB keeps it inside the document. */
export const sealJson = async (key: DataKey, value: unknown, context: string): Promise<string> => {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const cipher = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
    key,
    encoder.encode(JSON.stringify(value)),
  );
  const sealed = new Uint8Array(IV_BYTES + cipher.byteLength);
  sealed.set(iv, 0);
  sealed.set(new Uint8Array(cipher), IV_BYTES);
  return FORMAT + toBase64(sealed);
};

/** Decrypts what sealJson made under the same key and context; throws if it was altered. */
export const openJson = async (key: DataKey, sealed: string, context: string): Promise<unknown> => {
  if (!sealed.startsWith(FORMAT)) throw new Error('unknown ciphertext format');
  const bytes = fromBase64(sealed.slice(FORMAT.length));
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES), additionalData: encoder.encode(context) },
    key,
    bytes.subarray(IV_BYTES),
  );
  return JSON.parse(decoder.decode(plain)) as unknown;
};
