// An in-memory prefix index over the stored `searchTerms` of leads, accounts and contacts.
// RxDB cannot index array fields, and a scan of 100k documents per keystroke is far too slow,
// so the device keeps sorted unique terms with posting lists, updated from the change stream.
import type { SearchQuery } from '../../../shared/domain/search';
import {
  matchesSearchQuery,
  normalizeText,
  queryWords,
  searchQuery,
} from '../../../shared/domain/search';

export type SearchableType = 'lead' | 'account' | 'contact';

export type SearchRef = { type: SearchableType; id: string };

/** A match and the term it matched by (results from several indexes merge in term order). */
export type TaggedRef = { ref: SearchRef; term: string };

type Entry = { ref: SearchRef; terms: readonly string[] };
type Posting = { term: string; slots: number[] };

/** The word a query walks an index with ('' when none): the longest, most selective one. */
export const searchWord = (query: string): string => {
  const normalized = normalizeText(query);
  if (normalized === '') return '';
  const candidates = normalized.includes('@') ? [normalized] : queryWords(query);
  return candidates.reduce((a, b) => (b.length > a.length ? b : a), '');
};

export const lowerBound = (sorted: readonly string[], value: string): number => {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

export class TermIndex {
  // Slot per indexed record; freed slots are reused.
  private readonly entries: (Entry | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  // Unique terms in sorted order, and the slots of the records that carry each term. A term
  // stays listed when its posting empties; new terms wait in `pending` until the next search,
  // so loading 100k records costs one sort, not one insertion per term.
  private sortedTerms: string[] = [];
  private pending: string[] = [];
  private readonly postings = new Map<string, Posting>();

  get size(): number {
    return this.slotOf.size;
  }

  /** Every record with its terms (to build the saved part of the index from). */
  *records(): Generator<readonly [string, readonly string[]]> {
    for (const entry of this.entries) if (entry !== undefined) yield [entry.ref.id, entry.terms];
  }

  /** Adds or replaces a record's terms. */
  put(ref: SearchRef, terms: readonly string[]): void {
    const key = `${ref.type}:${ref.id}`;
    const existing = this.slotOf.get(key);
    if (existing !== undefined) this.unlink(existing);
    const slot = existing ?? this.freeSlots.pop() ?? this.entries.length;
    // A record holds a dozen terms: a linear check is cheaper than a Set.
    const interned: string[] = [];
    for (const term of terms) if (!interned.includes(term)) interned.push(this.link(term, slot));
    this.entries[slot] = { ref, terms: interned };
    this.slotOf.set(key, slot);
  }

  remove(ref: SearchRef): void {
    const key = `${ref.type}:${ref.id}`;
    const slot = this.slotOf.get(key);
    if (slot === undefined) return;
    this.unlink(slot);
    this.entries[slot] = undefined;
    this.slotOf.delete(key);
    this.freeSlots.push(slot);
  }

  /**
   * Records where every word of the query is a prefix of one of their terms, in the order of
   * their matching term, at most `limit`. Case and accents are ignored ('nicolo' → Nicolò).
   */
  search(query: string, limit: number, types?: readonly SearchableType[]): SearchRef[] {
    return this.searchTagged(searchWord(query), searchQuery(query), limit, types).map((t) => t.ref);
  }

  /** As `search`, each match with its term; `word` is `searchWord` of the query. */
  searchTagged(
    word: string,
    query: SearchQuery,
    limit: number,
    types?: readonly SearchableType[],
  ): TaggedRef[] {
    if (word === '' || limit <= 0) return [];
    this.flushPending();
    const out: TaggedRef[] = [];
    const seen = new Set<number>();
    for (let i = lowerBound(this.sortedTerms, word); i < this.sortedTerms.length; i++) {
      const term = this.sortedTerms[i] as string;
      if (!term.startsWith(word)) break;
      for (const slot of this.postings.get(term)?.slots ?? []) {
        if (seen.has(slot)) continue;
        seen.add(slot);
        const entry = this.entries[slot];
        if (entry === undefined) continue;
        if (types !== undefined && !types.includes(entry.ref.type)) continue;
        if (!matchesSearchQuery(query, (p) => entry.terms.some((t) => t.startsWith(p)))) continue;
        out.push({ ref: entry.ref, term });
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  private link(term: string, slot: number): string {
    const posting = this.postings.get(term);
    if (posting !== undefined) {
      posting.slots.push(slot);
      return posting.term; // each distinct term is held once
    }
    this.postings.set(term, { term, slots: [slot] });
    this.pending.push(term);
    return term;
  }

  private unlink(slot: number): void {
    const entry = this.entries[slot];
    if (entry === undefined) return;
    for (const term of entry.terms) {
      const slots = this.postings.get(term)?.slots;
      const at = slots === undefined ? -1 : slots.indexOf(slot);
      if (at >= 0) slots?.splice(at, 1);
    }
  }

  private flushPending(): void {
    if (this.pending.length === 0) return;
    if (this.pending.length < 256) {
      for (const term of this.pending) {
        this.sortedTerms.splice(lowerBound(this.sortedTerms, term), 0, term);
      }
    } else {
      this.sortedTerms = [...this.sortedTerms, ...this.pending].sort();
    }
    this.pending = [];
  }
}
