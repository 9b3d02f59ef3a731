// What a scanned badge code says: a vCard, a MeCard, an email or web link, or an event's own
// code. An unknown payload is kept raw on the lead so the office can resolve it later.
import type { ContactLeadFields } from './contact-lead';
import { leadFieldsFromContact } from './contact-lead';
import { isMeCard, parseMeCard } from './mecard';
import { isVCard, parseVCards } from './vcard';

export type BadgeKind = 'vcard' | 'mecard' | 'email' | 'url' | 'text';

export type BadgeReading = {
  kind: BadgeKind;
  fields: Partial<ContactLeadFields>;
  /** The payload as scanned, trimmed: the key to recognise the same badge again. */
  raw: string;
};

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Reads a badge payload; never fails, an unknown text comes back as kind "text". */
export const readBadge = (payload: string): BadgeReading => {
  const raw = payload.trim();
  if (isVCard(raw)) {
    const [contact] = parseVCards(raw);
    if (contact !== undefined)
      return { kind: 'vcard', fields: leadFieldsFromContact(contact), raw };
  }
  if (isMeCard(raw)) {
    const contact = parseMeCard(raw);
    if (contact !== null) return { kind: 'mecard', fields: leadFieldsFromContact(contact), raw };
  }
  const email = raw.replace(/^mailto:/i, '').split('?')[0] ?? '';
  if (EMAIL_RE.test(email)) return { kind: 'email', fields: { email: email.slice(0, 254) }, raw };
  if (/^https?:\/\/\S+$/i.test(raw))
    return { kind: 'url', fields: { website: raw.slice(0, 200) }, raw };
  return { kind: 'text', fields: { notes: `Badge: ${raw.slice(0, 9000)}` }, raw };
};
