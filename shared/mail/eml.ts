// A small reader of Internet messages (.eml, RFC 5322 + MIME RFC 2045–2047): who sent it,
// its subject, date and plain-text body. Pure: bytes in, text out, no I/O.
import { decodeBase64, decodeEncodedWords, decodeText } from './charset';
import { htmlToText } from './html-text';

export type MailAddress = { name: string; address: string };

export type ParsedMail = {
  from: MailAddress | null;
  subject: string;
  /** ISO instant from the Date header, or null when it is missing or unreadable. */
  date: string | null;
  messageId: string | null;
  /** The plain-text body (text/plain preferred; text/html turned into text otherwise). */
  body: string;
};

type Part = { headers: Map<string, string>; body: string };

// Bytes as a "binary string" (one char per byte), so headers and boundaries can be found with
// string methods and body bytes decoded later with the part's own charset.
const binary = (bytes: Uint8Array): string => {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return out;
};

const bytesOf = (s: string): Uint8Array => {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
};

const splitPart = (raw: string): Part => {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : '';
  const headers = new Map<string, string>();
  // Unfold continuation lines (RFC 5322 §2.2.3) before splitting name from value.
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body };
};

/** `text/plain; charset="utf-8"` → type and lower-cased parameters. */
export const parseContentType = (
  value: string | undefined,
): { type: string; params: Map<string, string> } => {
  const [type = '', ...rest] = (value ?? 'text/plain').split(';');
  const params = new Map<string, string>();
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    const key = p.slice(0, eq).trim().toLowerCase();
    params.set(
      key,
      p
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1'),
    );
  }
  return { type: type.trim().toLowerCase() || 'text/plain', params };
};

const decodeQuotedPrintable = (s: string): Uint8Array => {
  const soft = s.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const c = soft.charCodeAt(i);
    const hex = soft.slice(i + 1, i + 3);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(c & 0xff);
  }
  return Uint8Array.from(out);
};

const partText = (part: Part): string => {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const bytes =
    encoding === 'base64'
      ? decodeBase64(part.body)
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(part.body)
        : bytesOf(part.body);
  const charset = parseContentType(part.headers.get('content-type')).params.get('charset');
  return decodeText(bytes, charset);
};

const subParts = (body: string, boundary: string): string[] => {
  const lines = body.split(/\r?\n/);
  const parts: string[] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed === `--${boundary}` || trimmed === `--${boundary}--`) {
      if (current) parts.push(current.join('\r\n'));
      current = trimmed.endsWith('--') && trimmed !== `--${boundary}` ? null : [];
      if (current === null) break;
    } else current?.push(line);
  }
  return parts;
};

// Depth-first: text/plain wins over text/html; attachments are ignored.
const findBody = (part: Part, depth = 0): { text: string; html: boolean } | null => {
  const { type, params } = parseContentType(part.headers.get('content-type'));
  const disposition = (part.headers.get('content-disposition') ?? '').toLowerCase();
  if (disposition.startsWith('attachment')) return null;
  if (type.startsWith('multipart/')) {
    const boundary = params.get('boundary');
    if (!boundary || depth > 10) return null;
    let html: { text: string; html: boolean } | null = null;
    for (const raw of subParts(part.body, boundary)) {
      const found = findBody(splitPart(raw), depth + 1);
      if (found && !found.html) return found;
      if (found && html === null) html = found;
    }
    return html;
  }
  if (type === 'text/plain') return { text: partText(part), html: false };
  if (type === 'text/html') return { text: htmlToText(partText(part)), html: true };
  return null;
};

/** `"Rossi, Maria" <maria@example.it>` or `maria@example.it (Maria)` → name and address. */
export const parseAddress = (value: string): MailAddress | null => {
  const decoded = decodeEncodedWords(value).trim();
  const angle = /^(.*)<\s*([^<>\s]+@[^<>\s]+)\s*>/.exec(decoded);
  if (angle) {
    const name = (angle[1] ?? '')
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .replace(/\\(.)/g, '$1');
    return { name: name.trim(), address: (angle[2] ?? '').toLowerCase() };
  }
  const bare = /([^\s<>()",;]+@[^\s<>()",;]+)(?:\s*\((.*)\))?/.exec(decoded);
  if (!bare) return null;
  return { name: (bare[2] ?? '').trim(), address: (bare[1] ?? '').toLowerCase() };
};

const parseDate = (value: string | undefined): string | null => {
  if (!value) return null;
  const ms = Date.parse(value.replace(/\s*\([^)]*\)\s*$/, ''));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
};

/** Reads one .eml file. */
export const parseEml = (bytes: Uint8Array): ParsedMail => {
  const root = splitPart(binary(bytes));
  const header = (name: string) => {
    const raw = root.headers.get(name);
    // Headers may carry raw UTF-8 (RFC 6532): read them as UTF-8 before encoded words.
    return raw === undefined ? undefined : decodeText(bytesOf(raw), 'utf-8');
  };
  const from = header('from');
  const body = findBody(root);
  const messageId = header('message-id')?.replace(/^<|>$/g, '').trim() || null;
  return {
    from: from ? parseAddress(from) : null,
    subject: decodeEncodedWords(header('subject') ?? '').trim(),
    date: parseDate(header('date')),
    messageId,
    body: (body?.text ?? '').replace(/\r\n/g, '\n').trim(),
  };
};
