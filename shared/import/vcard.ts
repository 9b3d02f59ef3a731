// vCard 2.1, 3.0 (RFC 2426) and 4.0 (RFC 6350) contacts, read into the fields a lead needs.
// Handles line folding, quoted-printable (2.1, soft line breaks and charsets), groups
// ("item1.EMAIL") and both the bare 2.1 parameters ("TEL;CELL") and TYPE= lists.

export type CardPhone = { number: string; types: string[] };
export type CardAddress = {
  street: string;
  city: string;
  province: string;
  postalCode: string;
  country: string;
  types: string[];
};

/** One contact of a vCard or MeCard, every value decoded to plain text. */
export type CardContact = {
  version: string;
  fullName: string;
  firstName: string;
  lastName: string;
  company: string;
  jobTitle: string;
  emails: string[];
  phones: CardPhone[];
  urls: string[];
  addresses: CardAddress[];
  notes: string[];
};

type ContentLine = { name: string; params: Map<string, string[]>; value: string };

const emptyContact = (version: string): CardContact => ({
  version,
  fullName: '',
  firstName: '',
  lastName: '',
  company: '',
  jobTitle: '',
  emails: [],
  phones: [],
  urls: [],
  addresses: [],
  notes: [],
});

const isQuotedPrintable = (head: string): boolean => /quoted-printable/i.test(head);

/** Physical lines joined into logical ones (folding and quoted-printable soft breaks). */
const unfold = (text: string): string[] => {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const last = out.length - 1;
    const previous = out[last];
    if (previous !== undefined && (line.startsWith(' ') || line.startsWith('\t'))) {
      out[last] = previous + line.slice(1);
    } else if (
      previous !== undefined &&
      previous.endsWith('=') &&
      isQuotedPrintable(previous.slice(0, Math.max(0, previous.indexOf(':'))))
    ) {
      // A 2.1 soft line break: the value goes on without a leading space.
      out[last] = previous.slice(0, -1) + line;
    } else if (line.trim() !== '') {
      out.push(line);
    }
  }
  return out;
};

/** Splits on a separator outside double quotes. */
const splitOutsideQuotes = (text: string, separator: string): string[] => {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === separator && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
};

const parseLine = (line: string): ContentLine | null => {
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    if (line[i] === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return null;
  const [rawName = '', ...rawParams] = splitOutsideQuotes(line.slice(0, colon), ';');
  const name = (rawName.includes('.') ? rawName.slice(rawName.lastIndexOf('.') + 1) : rawName)
    .trim()
    .toUpperCase();
  const params = new Map<string, string[]>();
  const add = (key: string, values: string[]) =>
    params.set(key, [...(params.get(key) ?? []), ...values]);
  for (const param of rawParams) {
    const eq = param.indexOf('=');
    // vCard 2.1 writes bare parameters: "TEL;CELL;PREF", "NOTE;QUOTED-PRINTABLE".
    if (eq < 0) {
      const bare = param.trim().toUpperCase();
      if (bare === 'QUOTED-PRINTABLE' || bare === 'BASE64') add('ENCODING', [bare]);
      else add('TYPE', [bare]);
      continue;
    }
    const key = param.slice(0, eq).trim().toUpperCase();
    // TYPE="work,cell" (4.0) and TYPE=work,cell (3.0) are the same list.
    const values = splitOutsideQuotes(param.slice(eq + 1), ',').flatMap((v) =>
      key === 'TYPE'
        ? v
            .replace(/"/g, '')
            .split(',')
            .map((t) => t.trim().toUpperCase())
        : [v.replace(/^"|"$/g, '').trim().toUpperCase()],
    );
    add(key, values);
  }
  return { name, params, value: line.slice(colon + 1) };
};

const decodeQuotedPrintable = (value: string, charset: string): string => {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(value.charCodeAt(i) & 0xff);
  }
  const data = new Uint8Array(bytes);
  try {
    return new TextDecoder(charset === 'US-ASCII' ? 'windows-1252' : charset).decode(data);
  } catch {
    // An unknown charset label: UTF-8 is what phones write.
    return new TextDecoder('utf-8').decode(data);
  }
};

/** Splits a structured value ("Doe;John;;Mr.") on unescaped semicolons. */
const components = (value: string): string[] => {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '\\' && i + 1 < value.length) {
      current += ch + value[i + 1];
      i++;
    } else if (ch === ';') {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
};

const unescapeText = (value: string): string =>
  value.replace(/\\([nN,;:\\])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));

const clean = (value: string): string => unescapeText(value).replace(/\s+/g, ' ').trim();

const decodedValue = (line: ContentLine): string => {
  const encoding = line.params.get('ENCODING') ?? [];
  if (encoding.includes('QUOTED-PRINTABLE')) {
    const charset = line.params.get('CHARSET')?.[0] ?? 'UTF-8';
    return decodeQuotedPrintable(line.value, charset);
  }
  return line.value;
};

const applyLine = (contact: CardContact, line: ContentLine): void => {
  const value = decodedValue(line);
  const types = (line.params.get('TYPE') ?? []).map((t) => t.toLowerCase());
  switch (line.name) {
    case 'FN':
      contact.fullName ||= clean(value);
      break;
    case 'N': {
      const [last = '', first = ''] = components(value).map(clean);
      if (contact.lastName === '' && contact.firstName === '') {
        contact.lastName = last;
        contact.firstName = first;
      }
      break;
    }
    case 'ORG':
      contact.company ||= clean(components(value)[0] ?? '');
      break;
    case 'TITLE':
      contact.jobTitle ||= clean(value);
      break;
    case 'EMAIL': {
      const email = clean(value).replace(/^mailto:/i, '');
      // Some phones store any text as an email: keep only what has an @.
      if (email.includes('@')) addPreferred(contact.emails, email, types.includes('pref'));
      break;
    }
    case 'TEL': {
      const number = clean(value).replace(/^tel:/i, '').replace(/;ext=/i, ' ext. ');
      if (number !== '') contact.phones.push({ number, types });
      break;
    }
    case 'URL': {
      const url = clean(value);
      if (url !== '') addPreferred(contact.urls, url, types.includes('pref'));
      break;
    }
    case 'ADR': {
      const [
        box = '',
        extended = '',
        street = '',
        city = '',
        region = '',
        code = '',
        country = '',
      ] = components(value).map((c) => unescapeText(c).trim());
      const streetLine = [street, extended, box]
        .filter((s) => s !== '')
        .join(', ')
        .replace(/\s*\n\s*/g, ', ');
      contact.addresses.push({
        street: streetLine,
        city,
        province: region,
        postalCode: code,
        country,
        types,
      });
      break;
    }
    case 'NOTE': {
      const note = unescapeText(value).replace(/\r\n?/g, '\n').trim();
      if (note !== '') contact.notes.push(note);
      break;
    }
  }
};

const addPreferred = (list: string[], value: string, preferred: boolean): void => {
  if (list.includes(value)) return;
  if (preferred) list.unshift(value);
  else list.push(value);
};

/** Every contact of a .vcf file, in order. Text outside BEGIN/END is ignored. */
export const parseVCards = (text: string): CardContact[] => {
  const contacts: CardContact[] = [];
  let current: CardContact | null = null;
  for (const raw of unfold(text)) {
    const line = parseLine(raw);
    if (line === null) continue;
    const value = line.value.trim().toUpperCase();
    if (line.name === 'BEGIN' && value === 'VCARD') {
      current = emptyContact('');
    } else if (line.name === 'END' && value === 'VCARD') {
      if (current !== null) contacts.push(current);
      current = null;
    } else if (current !== null) {
      if (line.name === 'VERSION') current.version = line.value.trim();
      else applyLine(current, line);
    }
  }
  return contacts;
};

/** Whether a text looks like a vCard (a badge payload or a file). */
export const isVCard = (text: string): boolean => /^\s*BEGIN:VCARD/i.test(text);
