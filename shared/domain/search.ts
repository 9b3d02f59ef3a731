// Search-as-you-type over leads, accounts, contacts and opportunities (DESIGN.md §7): each
// record stores its normalized words; a query matches when each of its words is a prefix
// of one of them. Normalization ignores case and accents ("Società" finds "societa").
import type { Account, Contact, Lead, Opportunity } from './records';

/** Most terms a record keeps (records.ts: searchTerms max 40, each ≤ 100 chars). */
export const MAX_SEARCH_TERMS = 40;
const MAX_TERM_LENGTH = 100;

/** Lower-case, accents removed (NFD, combining marks dropped), whitespace collapsed. */
export const normalizeText = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** The normalized words of a text: runs of letters and digits. */
export const words = (text: string): string[] =>
  normalizeText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');

const emailTerms = (email: string): string[] => {
  const address = normalizeText(email);
  if (address === '') return [];
  const at = address.indexOf('@');
  // The whole address finds "mario.rossi@acme.it"; the local part finds "mario.rossi".
  return at > 0 ? [address, address.slice(0, at), ...words(address.slice(0, at))] : [address];
};

const phoneTerms = (phone: string): string[] => {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 3) return [];
  // Also without an international prefix typed as +39 / 0039, people search the local number.
  const local = phone.trim().startsWith('+')
    ? digits.slice(2)
    : digits.startsWith('00')
      ? digits.slice(4)
      : '';
  return local.length >= 3 ? [digits, local] : [digits];
};

/** Unique terms in order of importance, each trimmed to the stored length, at most 40. */
const collect = (...groups: string[][]): string[] => {
  const seen = new Set<string>();
  for (const term of groups.flat()) {
    const t = term.slice(0, MAX_TERM_LENGTH);
    if (t !== '') seen.add(t);
    if (seen.size >= MAX_SEARCH_TERMS) break;
  }
  return [...seen];
};

export const searchTermsForLead = (
  lead: Pick<Lead, 'firstName' | 'lastName' | 'company' | 'email' | 'phone' | 'mobile'>,
): string[] =>
  collect(
    words(lead.firstName),
    words(lead.lastName),
    words(lead.company),
    emailTerms(lead.email),
    phoneTerms(lead.phone),
    phoneTerms(lead.mobile),
  );

export const searchTermsForAccount = (
  account: Pick<Account, 'name' | 'email' | 'phone' | 'vatNumber'>,
): string[] =>
  collect(
    words(account.name),
    emailTerms(account.email),
    phoneTerms(account.phone),
    words(account.vatNumber),
  );

export const searchTermsForContact = (
  contact: Pick<Contact, 'firstName' | 'lastName' | 'email' | 'phone' | 'mobile'>,
): string[] =>
  collect(
    words(contact.firstName),
    words(contact.lastName),
    emailTerms(contact.email),
    phoneTerms(contact.phone),
    phoneTerms(contact.mobile),
  );

export const searchTermsForOpportunity = (
  opportunity: Pick<Opportunity, 'topic' | 'number'>,
): string[] => collect(words(opportunity.topic), words(opportunity.number));

/** The query's words; a query of only digits and separators is one phone number. */
export const queryWords = (query: string): string[] => {
  if (/^[\d\s+\-./()]+$/.test(query) && /\d/.test(query)) {
    return [query.replace(/\D/g, '')];
  }
  return words(query);
};

/** A query made ready once to be matched against many records' terms. */
export type SearchQuery = {
  /** An empty query matches everything. */
  empty: boolean;
  /** The whole normalized query when it holds an '@' (an email address is itself a term). */
  address: string | null;
  words: readonly string[];
};

export const searchQuery = (query: string): SearchQuery => {
  const normalized = normalizeText(query);
  if (normalized === '') return { empty: true, address: null, words: [] };
  return {
    empty: false,
    address: normalized.includes('@') ? normalized : null,
    words: queryWords(query),
  };
};

/**
 * As `matchesSearch`, for a prepared query and a record whose terms are asked through
 * `hasPrefix` (whether one of its terms begins with the text): an index matching thousands of
 * records per keystroke neither normalizes the query nor builds a term list for each.
 */
export const matchesSearchQuery = (
  query: SearchQuery,
  hasPrefix: (prefix: string) => boolean,
): boolean =>
  query.empty ||
  (query.address !== null && hasPrefix(query.address)) ||
  query.words.every(hasPrefix);

/**
 * True when every word of the query is a prefix of one of the terms (or of the whole
 * email address, which is itself a term). An empty query matches everything.
 */
export const matchesSearch = (terms: readonly string[], query: string): boolean =>
  matchesSearchQuery(searchQuery(query), (prefix) => terms.some((t) => t.startsWith(prefix)));
