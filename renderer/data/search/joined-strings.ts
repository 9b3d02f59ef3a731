// A sorted list of strings kept as the one separated string it is stored as, plus where each
// item starts. Splitting it instead costs a string per item, and V8 keeps every item longer
// than a dozen characters as a slice that holds the whole stored string alive as well: at
// 100k leads the split terms and ids held about twice the memory of the text itself.

/** Items never hold the separator (normalized words, e-mails, phones, record ids). */
export class JoinedStrings {
  /** Where item i starts in `text`; item i ends one before `starts[i + 1]`. */
  private readonly starts: Int32Array;

  private constructor(
    readonly text: string,
    private readonly separator: string,
  ) {
    // '' holds no item (as ''.split(separator) gives none in the stored form's readers).
    let count = text === '' ? 0 : 1;
    for (let at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, at + 1)) {
      count += 1;
    }
    const starts = new Int32Array(count + 1);
    let n = 1;
    for (let at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, at + 1)) {
      starts[n++] = at + 1;
    }
    starts[count] = text.length + 1;
    this.starts = starts;
  }

  /** The stored form's text, as `join` wrote it. */
  static parse(text: string, separator: string): JoinedStrings {
    return new JoinedStrings(text, separator);
  }

  static of(items: readonly string[], separator: string): JoinedStrings {
    return new JoinedStrings(items.join(separator), separator);
  }

  get length(): number {
    return this.starts.length - 1;
  }

  at(i: number): string {
    return this.text.slice(this.starts[i], (this.starts[i + 1] as number) - 1);
  }

  /** Whether item i begins with `prefix`, without making the item a string of its own. */
  startsWith(i: number, prefix: string): boolean {
    const start = this.starts[i] as number;
    return (
      prefix.length <= (this.starts[i + 1] as number) - 1 - start &&
      this.text.startsWith(prefix, start)
    );
  }

  /** Item i against `value` in code unit order (as `<` orders strings): <0, 0 or >0. */
  private compare(i: number, value: string): number {
    const start = this.starts[i] as number;
    const length = (this.starts[i + 1] as number) - 1 - start;
    const common = Math.min(length, value.length);
    for (let k = 0; k < common; k++) {
      const d = this.text.charCodeAt(start + k) - value.charCodeAt(k);
      if (d !== 0) return d;
    }
    return length - value.length;
  }

  /** In a sorted list: the first item not below `value` (the length when none). */
  lowerBound(value: string): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(mid, value) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** In a sorted list: where `value` is, or -1. */
  indexOf(value: string): number {
    const i = this.lowerBound(value);
    return i < this.length && this.compare(i, value) === 0 ? i : -1;
  }
}
