// The device's term index per record type: the part saved in the store (frozen-terms.ts,
// read back at start-up without work per record) and the records changed since, in a
// changing index. Saving folds the changed records into a new saved part.
import { searchQuery } from '../../../shared/domain/search';
import type { FrozenTermsData } from './frozen-terms';
import { FrozenTerms } from './frozen-terms';
import type { SearchableType, SearchRef, TaggedRef } from './term-index';
import { searchWord, TermIndex } from './term-index';

type Part = { saved: FrozenTerms | null; changed: TermIndex };

export class SearchIndex {
  private readonly parts = new Map<SearchableType, Part>();

  private part(type: SearchableType): Part {
    let part = this.parts.get(type);
    if (part === undefined) {
      part = { saved: null, changed: new TermIndex() };
      this.parts.set(type, part);
    }
    return part;
  }

  put(ref: SearchRef, terms: readonly string[]): void {
    const part = this.part(ref.type);
    part.saved?.drop(ref.id);
    part.changed.put(ref, terms);
  }

  remove(ref: SearchRef): void {
    const part = this.part(ref.type);
    part.saved?.drop(ref.id);
    part.changed.remove(ref);
  }

  /** Forgets every record of a type (before it is rebuilt by a scan). */
  clear(type: SearchableType): void {
    this.parts.set(type, { saved: null, changed: new TermIndex() });
  }

  /** Records changed since the type's part was last saved or read back. */
  changedCount(type: SearchableType): number {
    return this.part(type).changed.size;
  }

  /** Takes a saved part read back from the store (before any record is put). */
  restore(type: SearchableType, data: FrozenTermsData): void {
    this.parts.set(type, { saved: FrozenTerms.decode(type, data), changed: new TermIndex() });
  }

  /**
   * Folds the type's changed records into a new saved part and returns its stored form;
   * null when a term cannot be stored (the index keeps working, unsaved).
   */
  fold(type: SearchableType): FrozenTermsData | null {
    const part = this.part(type);
    const records = function* () {
      if (part.saved !== null) yield* part.saved.records();
      yield* part.changed.records();
    };
    const saved = FrozenTerms.build(type, records());
    if (saved === null) return null;
    this.parts.set(type, { saved, changed: new TermIndex() });
    return saved.encode();
  }

  /** As TermIndex.search, over the saved and the changed records of every type. */
  search(query: string, limit: number, types?: readonly SearchableType[]): SearchRef[] {
    const word = searchWord(query);
    if (word === '' || limit <= 0) return [];
    // Normalized once for every record it is matched against.
    const prepared = searchQuery(query);
    const found: TaggedRef[] = [];
    for (const [type, part] of this.parts) {
      if (types !== undefined && !types.includes(type)) continue;
      if (part.saved !== null) found.push(...part.saved.search(word, prepared, limit));
      found.push(...part.changed.searchTagged(word, prepared, limit));
    }
    // Each list is in term order and holds its first `limit`: merged, the first `limit`.
    found.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    return found.slice(0, limit).map((t) => t.ref);
  }
}
