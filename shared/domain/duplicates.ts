// Likely duplicates of a lead (DESIGN.md §3): same email, same VAT number, or a similar
// company name, among leads, accounts and contacts. Ranked, each with its reasons, so the
// seller can link instead of creating a second account at qualify time.
import { isConsentWithdrawn } from './consent';
import type { Account, Contact, Lead } from './records';
import { normalizeText, words } from './search';
import { personName } from './person-name';

export type DuplicateReason = 'email' | 'vat_number' | 'company_name';

export type DuplicateCandidate = {
  type: 'lead' | 'account' | 'contact';
  id: string;
  /** A name to show: the person and/or company. */
  label: string;
  reasons: DuplicateReason[];
  /** Higher is more likely the same party; reasons add up. */
  score: number;
  /** The person withdrew consent (GDPR): shown wherever they are offered. */
  consentWithdrawn?: true;
};

// A VAT number is an identity, an email almost one; a similar name is only a hint.
const WEIGHT = { vat_number: 100, email: 90, company_name: 60 } as const;
/** Names at least this similar (0–1) count as the same company. */
export const COMPANY_SIMILARITY_THRESHOLD = 0.8;

const LEGAL_FORMS = new Set([
  'srl',
  'srls',
  'spa',
  'sas',
  'snc',
  'sapa',
  'ss',
  'ltd',
  'limited',
  'inc',
  'llc',
  'plc',
  'gmbh',
  'ag',
  'sa',
  'sarl',
  'bv',
  'nv',
  'co',
  'corp',
  'company',
]);

/** The words of a company name without legal forms ("ACME S.r.l." → ["acme"]). */
export const companyWords = (name: string): string[] =>
  words(name.replace(/\./g, '')).filter((w) => !LEGAL_FORMS.has(w));

const bigrams = (s: string): string[] => {
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
};

/** Similarity of two company names, 0–1 (Dice coefficient on letter pairs). */
export const companySimilarity = (a: string, b: string): number => {
  const wa = companyWords(a);
  const wb = companyWords(b);
  const ja = wa.join('');
  const jb = wb.join('');
  if (ja === '' || jb === '') return 0;
  if (ja === jb) return 1;
  const ba = bigrams(ja);
  const bb = bigrams(jb);
  const counts = new Map<string, number>();
  for (const g of bb) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of ba) {
    const c = counts.get(g) ?? 0;
    if (c > 0) {
      shared++;
      counts.set(g, c - 1);
    }
  }
  const dice = ba.length + bb.length === 0 ? 0 : (2 * shared) / (ba.length + bb.length);
  // "Acme" and "Acme Italia": every word of one name in the other is a strong hint too.
  const [shorter, longer] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  const contained =
    shorter.join('').length >= 4 && shorter.every((w) => longer.includes(w)) ? 0.8 : 0;
  return Math.max(dice, contained);
};

/** VAT number without spaces, punctuation and an EU country prefix ("IT 012…" → "012…"). */
export const normalizeVatNumber = (vat: string): string =>
  vat
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/^[A-Z]{2}(?=\d)/, '');

const normalizeEmail = (email: string): string => normalizeText(email);

type Party = {
  type: DuplicateCandidate['type'];
  id: string;
  label: string;
  email: string;
  vatNumber: string;
  company: string;
  consentWithdrawn?: boolean;
};

const score = (lead: Lead, party: Party): DuplicateCandidate | null => {
  const reasons: DuplicateReason[] = [];
  let total = 0;
  const vat = normalizeVatNumber(lead.vatNumber);
  if (vat !== '' && vat === normalizeVatNumber(party.vatNumber)) {
    reasons.push('vat_number');
    total += WEIGHT.vat_number;
  }
  const email = normalizeEmail(lead.email);
  if (email !== '' && email === normalizeEmail(party.email)) {
    reasons.push('email');
    total += WEIGHT.email;
  }
  const similarity = companySimilarity(lead.company, party.company);
  if (similarity >= COMPANY_SIMILARITY_THRESHOLD) {
    reasons.push('company_name');
    total += Math.round(WEIGHT.company_name * similarity);
  }
  if (reasons.length === 0) return null;
  return {
    type: party.type,
    id: party.id,
    label: party.label,
    reasons,
    score: total,
    ...(party.consentWithdrawn === true ? { consentWithdrawn: true as const } : {}),
  };
};

export type DuplicatePool = {
  leads?: readonly Lead[];
  accounts?: readonly Account[];
  contacts?: readonly Contact[];
};

/** Likely duplicates of a lead, most likely first. The lead itself is never listed. */
export const findDuplicateCandidates = (lead: Lead, pool: DuplicatePool): DuplicateCandidate[] => {
  const parties: Party[] = [
    ...(pool.leads ?? [])
      .filter((l) => l.id !== lead.id)
      .map((l) => ({
        type: 'lead' as const,
        id: l.id,
        label: [personName(l), l.company].filter((s) => s !== '').join(', '),
        email: l.email,
        vatNumber: l.vatNumber,
        company: l.company,
        consentWithdrawn: isConsentWithdrawn(l.consent),
      })),
    ...(pool.accounts ?? []).map((a) => ({
      type: 'account' as const,
      id: a.id,
      label: a.name,
      email: a.email,
      vatNumber: a.vatNumber,
      company: a.name,
    })),
    ...(pool.contacts ?? []).map((c) => ({
      type: 'contact' as const,
      id: c.id,
      label: personName(c),
      email: c.email,
      vatNumber: '',
      company: '',
      consentWithdrawn: isConsentWithdrawn(c.consent),
    })),
  ];
  const typeOrder = { account: 0, contact: 1, lead: 2 } as const;
  return parties
    .map((p) => score(lead, p))
    .filter((c): c is DuplicateCandidate => c !== null)
    .sort(
      (a, b) =>
        b.score - a.score ||
        typeOrder[a.type] - typeOrder[b.type] ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
};
