// MeCard (NTT Docomo), the short contact format many badge QR codes carry:
// "MECARD:N:Rossi,Anna;ORG:Acme;TEL:+39…;EMAIL:anna@acme.it;;". Values escape \ ; : , with "\".
import type { CardContact } from './vcard';

/** Splits on unescaped semicolons and unescapes each part. */
const fields = (body: string): string[] => {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\' && i + 1 < body.length) {
      current += body[i + 1];
      i++;
    } else if (ch === ';') {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
};

export const isMeCard = (text: string): boolean => /^\s*MECARD:/i.test(text);

/** The contact of a MeCard payload, or null when the text is not one. */
export const parseMeCard = (text: string): CardContact | null => {
  if (!isMeCard(text)) return null;
  const contact: CardContact = {
    version: 'mecard',
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
  };
  for (const field of fields(text.trim().replace(/^MECARD:/i, ''))) {
    const colon = field.indexOf(':');
    if (colon < 0) continue;
    const key = field.slice(0, colon).trim().toUpperCase();
    const value = field.slice(colon + 1).trim();
    if (value === '') continue;
    switch (key) {
      case 'N': {
        // "Last,First" by the specification; a name without a comma is one last name.
        const [last = '', first = ''] = value.split(',').map((s) => s.trim());
        contact.lastName = last;
        contact.firstName = first;
        contact.fullName = [first, last].filter((s) => s !== '').join(' ');
        break;
      }
      case 'ORG':
        contact.company = value;
        break;
      case 'TITLE':
        contact.jobTitle = value;
        break;
      case 'TEL':
        contact.phones.push({ number: value, types: [] });
        break;
      case 'EMAIL':
        contact.emails.push(value);
        break;
      case 'URL':
        contact.urls.push(value);
        break;
      case 'NOTE':
        contact.notes.push(value);
        break;
      case 'ADR': {
        // Same order as vCard: box, extended, street, city, region, postal code, country.
        const [box = '', ext = '', street = '', city = '', region = '', code = '', country = ''] =
          value.split(',').map((s) => s.trim());
        const parts = [street, ext, box].filter((s) => s !== '');
        contact.addresses.push({
          street: parts.length > 0 ? parts.join(', ') : value,
          city,
          province: region,
          postalCode: code,
          country,
          types: [],
        });
        break;
      }
    }
  }
  return contact;
};
