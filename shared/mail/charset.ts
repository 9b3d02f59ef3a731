// Character sets of mail: byte decoding by a MIME charset name and RFC 2047 encoded words
// (`=?utf-8?Q?Caff=C3=A8?=`). TextDecoder is the WHATWG standard, present in browsers and Node.
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export const decodeBase64 = (s: string): Uint8Array => {
  const clean = s.replace(/[^A-Za-z0-9+/]/g, '');
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of clean) {
    buffer = (buffer << 6) | BASE64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
};

/** Decodes bytes in `charset`; unknown or missing charsets fall back to UTF-8, then Latin-1. */
export const decodeText = (bytes: Uint8Array, charset: string | undefined): string => {
  const label = (charset ?? 'utf-8').trim().toLowerCase() || 'utf-8';
  try {
    return new TextDecoder(label, { fatal: label === 'utf-8' || label === 'utf8' }).decode(bytes);
  } catch {
    // Mislabelled 8-bit text is usually Windows-1252 (a superset of Latin-1).
    return new TextDecoder('windows-1252').decode(bytes);
  }
};

const qBytes = (text: string): Uint8Array => {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    const hex = text.slice(i + 1, i + 3);
    if (ch === '_') out.push(0x20);
    else if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(ch.charCodeAt(0) & 0xff);
  }
  return Uint8Array.from(out);
};

const ENCODED_WORD = /=\?([^?*]+)(?:\*[^?]*)?\?([BbQq])\?([^?]*)\?=/g;

/** Decodes RFC 2047 encoded words; whitespace between two adjacent words is dropped. */
export const decodeEncodedWords = (value: string): string =>
  value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(ENCODED_WORD, (_all, charset: string, encoding: string, text: string) =>
      decodeText(encoding.toUpperCase() === 'B' ? decodeBase64(text) : qBytes(text), charset),
    );
