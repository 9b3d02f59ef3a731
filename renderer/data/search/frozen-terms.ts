// The saved part of the term index: one record type's terms in flat arrays, written to the
// store as a few strings and read back with a split and a pass over numbers, so start-up
// costs no work per record and term (no maps, no objects). Records edited after it was
// saved are marked dead here and live in the changing index (term-index.ts) instead. The
// terms and ids stay in the stored strings (joined-strings.ts), not one string each.
import type { SearchQuery } from '../../../shared/domain/search';
import { matchesSearchQuery } from '../../../shared/domain/search';
import { JoinedStrings } from './joined-strings';
import type { SearchableType, TaggedRef } from './term-index';

/** The stored form: strings only, so it goes through any storage (and its encryption). */
export type FrozenTermsData = {
  terms: string;
  ids: string;
  /** Per record, where its term numbers start in `entryTerms` (packed, see `pack`). */
  entryStart: string;
  entryTerms: string;
};

// Terms and ids never hold a line break (they are normalized words, e-mails, phones, ids).
const SEP = '\n';

// Two UTF-16 units per number, 15 bits each, offset clear of control characters and of
// surrogates (which a text encoder would replace): numbers up to 2^30.
const BASE = 0x100;
const pack = (values: Int32Array): string => {
  const units = new Uint16Array(values.length * 2);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    units[2 * i] = (v >>> 15) + BASE;
    units[2 * i + 1] = (v & 0x7fff) + BASE;
  }
  let out = '';
  for (let i = 0; i < units.length; i += 8192) {
    out += String.fromCharCode(...units.subarray(i, i + 8192));
  }
  return out;
};
const unpack = (text: string): Int32Array => {
  const values = new Int32Array(text.length >>> 1);
  for (let i = 0; i < values.length; i++) {
    values[i] = ((text.charCodeAt(2 * i) - BASE) << 15) | (text.charCodeAt(2 * i + 1) - BASE);
  }
  return values;
};

export class FrozenTerms {
  private readonly dead: Uint8Array;
  private readonly postStart: Int32Array;
  private readonly postSlots: Int32Array;
  private alive: number;

  private constructor(
    readonly type: SearchableType,
    private readonly terms: JoinedStrings,
    private readonly ids: JoinedStrings,
    private readonly entryStart: Int32Array,
    private readonly entryTerms: Int32Array,
  ) {
    this.dead = new Uint8Array(ids.length);
    this.alive = ids.length;
    // Posting lists by counting: the slots of each term, in slot order.
    const postStart = new Int32Array(terms.length + 1);
    for (const t of entryTerms) postStart[t + 1] = (postStart[t + 1] as number) + 1;
    for (let t = 0; t < terms.length; t++) {
      postStart[t + 1] = (postStart[t + 1] as number) + (postStart[t] as number);
    }
    const fill = postStart.slice(0, terms.length);
    const postSlots = new Int32Array(entryTerms.length);
    for (let slot = 0; slot < ids.length; slot++) {
      for (let p = entryStart[slot] as number; p < (entryStart[slot + 1] as number); p++) {
        const t = entryTerms[p] as number;
        postSlots[fill[t] as number] = slot;
        fill[t] = (fill[t] as number) + 1;
      }
    }
    this.postStart = postStart;
    this.postSlots = postSlots;
  }

  /** From each record's terms (any order); null when a term could not be stored. */
  static build(
    type: SearchableType,
    records: Iterable<readonly [string, readonly string[]]>,
  ): FrozenTerms | null {
    const sorted = [...records].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const unique = new Set<string>();
    for (const [id, terms] of sorted) {
      if (id.includes(SEP) || id === '') return null;
      for (const term of terms) unique.add(term);
    }
    const terms = [...unique].sort();
    if (terms.some((t) => t.includes(SEP) || t === '')) return null;
    const numberOf = new Map(terms.map((t, i) => [t, i]));
    const entryStart = new Int32Array(sorted.length + 1);
    // Typed from the start: 100k records hold about a million term numbers.
    let bound = 0;
    for (const [, recordTerms] of sorted) bound += recordTerms.length;
    const numbers = new Int32Array(bound);
    let n = 0;
    sorted.forEach(([, recordTerms], slot) => {
      for (const term of new Set(recordTerms)) numbers[n++] = numberOf.get(term) as number;
      entryStart[slot + 1] = n;
    });
    return new FrozenTerms(
      type,
      JoinedStrings.of(terms, SEP),
      JoinedStrings.of(
        sorted.map(([id]) => id),
        SEP,
      ),
      entryStart,
      numbers.slice(0, n),
    );
  }

  static decode(type: SearchableType, data: FrozenTermsData): FrozenTerms {
    const ids = JoinedStrings.parse(data.ids, SEP);
    const entryStart = unpack(data.entryStart);
    if (entryStart.length !== ids.length + 1) throw new Error('saved search index is damaged');
    const terms = JoinedStrings.parse(data.terms, SEP);
    return new FrozenTerms(type, terms, ids, entryStart, unpack(data.entryTerms));
  }

  /** Only built ones are encoded (they hold no dead records). */
  encode(): FrozenTermsData {
    return {
      terms: this.terms.text,
      ids: this.ids.text,
      entryStart: pack(this.entryStart),
      entryTerms: pack(this.entryTerms),
    };
  }

  get size(): number {
    return this.alive;
  }

  /** The records still current here, with their terms (to build the next saved part). */
  *records(): Generator<readonly [string, readonly string[]]> {
    for (let slot = 0; slot < this.ids.length; slot++) {
      if (this.dead[slot] === 0) yield [this.ids.at(slot), this.termsOf(slot)];
    }
  }

  /** The record changed or went: its saved terms no longer count. */
  drop(id: string): void {
    const slot = this.ids.indexOf(id);
    if (slot < 0 || this.dead[slot] === 1) return;
    this.dead[slot] = 1;
    this.alive -= 1;
  }

  /** As TermIndex.search, for this record type: the first `limit` in term order. */
  search(word: string, query: SearchQuery, limit: number): TaggedRef[] {
    const out: TaggedRef[] = [];
    const seen = new Set<number>();
    for (let t = this.terms.lowerBound(word); t < this.terms.length; t++) {
      if (!this.terms.startsWith(t, word)) break;
      let term: string | null = null;
      for (let p = this.postStart[t] as number; p < (this.postStart[t + 1] as number); p++) {
        const slot = this.postSlots[p] as number;
        if (this.dead[slot] === 1 || seen.has(slot)) continue;
        seen.add(slot);
        if (!matchesSearchQuery(query, (prefix) => this.hasPrefix(slot, prefix))) continue;
        term ??= this.terms.at(t);
        out.push({ ref: { type: this.type, id: this.ids.at(slot) }, term });
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  /** Whether one of the record's terms begins with `prefix` (no term made a string). */
  private hasPrefix(slot: number, prefix: string): boolean {
    for (let p = this.entryStart[slot] as number; p < (this.entryStart[slot + 1] as number); p++) {
      if (this.terms.startsWith(this.entryTerms[p] as number, prefix)) return true;
    }
    return false;
  }

  private termsOf(slot: number): string[] {
    const out: string[] = [];
    for (let p = this.entryStart[slot] as number; p < (this.entryStart[slot + 1] as number); p++) {
      out.push(this.terms.at(this.entryTerms[p] as number));
    }
    return out;
  }
}
