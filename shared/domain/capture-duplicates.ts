// The warning shown while a lead is typed in at the stand: besides the qualify-time rules
// (email, VAT number, similar company), the same phone number or the same person at a similar
// company is most likely someone already met.
import type { DuplicateCandidate, DuplicatePool } from './duplicates';
import {
  COMPANY_SIMILARITY_THRESHOLD,
  companySimilarity,
  findDuplicateCandidates,
} from './duplicates';
import type { Lead } from './records';
import { normalizeText } from './search';
import { personName } from './person-name';

export type CaptureDuplicateReason = DuplicateCandidate['reasons'][number] | 'phone' | 'person';

export type CaptureDuplicate = Omit<DuplicateCandidate, 'reasons'> & {
  reasons: CaptureDuplicateReason[];
};

export type CaptureDraft = Pick<
  Lead,
  'firstName' | 'lastName' | 'company' | 'email' | 'phone' | 'mobile' | 'vatNumber'
>;

const digitsOf = (phone: string): string => {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 6 ? digits : '';
};

// "+39 049 123456" and "049 123456" are one number: one ends with the other.
const samePhone = (a: string, b: string): boolean =>
  a !== '' && b !== '' && (a.endsWith(b) || b.endsWith(a));

type Person = {
  firstName: string;
  lastName: string;
  company: string;
  phones: string[];
};

const samePerson = (draft: CaptureDraft, other: Person): boolean =>
  normalizeText(draft.lastName) !== '' &&
  normalizeText(draft.lastName) === normalizeText(other.lastName) &&
  normalizeText(draft.firstName) === normalizeText(other.firstName) &&
  companySimilarity(draft.company, other.company) >= COMPANY_SIMILARITY_THRESHOLD;

/** Likely duplicates of a lead being typed, most likely first (at most `limit`). */
export const findCaptureDuplicates = (
  draft: CaptureDraft,
  pool: DuplicatePool,
  limit = 5,
): CaptureDuplicate[] => {
  const probe = { ...draft, id: '' } as Lead;
  const found = new Map<string, CaptureDuplicate>(
    findDuplicateCandidates(probe, pool).map((c) => [`${c.type}:${c.id}`, { ...c }]),
  );
  const phones = [draft.phone, draft.mobile].map(digitsOf).filter((p) => p !== '');
  const people: (Person & { type: DuplicateCandidate['type']; id: string; label: string })[] = [
    ...(pool.leads ?? []).map((l) => ({
      type: 'lead' as const,
      id: l.id,
      label: [personName(l), l.company].filter(Boolean).join(', '),
      firstName: l.firstName,
      lastName: l.lastName,
      company: l.company,
      phones: [l.phone, l.mobile],
    })),
    ...(pool.contacts ?? []).map((c) => ({
      type: 'contact' as const,
      id: c.id,
      label: personName(c),
      firstName: c.firstName,
      lastName: c.lastName,
      company: '',
      phones: [c.phone, c.mobile],
    })),
  ];
  for (const p of people) {
    const reasons: CaptureDuplicateReason[] = [];
    if (p.phones.map(digitsOf).some((k) => phones.some((d) => samePhone(k, d)))) {
      reasons.push('phone');
    }
    if (samePerson(draft, p)) reasons.push('person');
    if (reasons.length === 0) continue;
    const key = `${p.type}:${p.id}`;
    const known = found.get(key);
    const score = (reasons.includes('phone') ? 80 : 0) + (reasons.includes('person') ? 70 : 0);
    if (known) {
      known.reasons.push(...reasons);
      known.score += score;
    } else found.set(key, { type: p.type, id: p.id, label: p.label, reasons, score });
  }
  return [...found.values()].sort((a, b) => b.score - a.score).slice(0, limit);
};
