// Helpers of the reactive queries: plain records out of RxDB documents.
import type { RxDocument } from 'rxdb';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';

/** Plain, read-only records (what the UI renders), not RxDB documents. */
export const plain = <T>(docs$: Observable<RxDocument<T>[]>): Observable<T[]> =>
  docs$.pipe(map((docs) => docs.map((d) => d.toJSON() as unknown as T)));

export type Page = { limit?: number; skip?: number };

export const oneOrMany = <T>(value: T | readonly T[] | undefined): T[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? [...(value as T[])] : [value as T];

/** `field: value` or `field: {$in: values}`, omitted when there is no filter. */
export const filter = <T>(field: string, value: T | readonly T[] | undefined) => {
  const values = oneOrMany(value);
  if (values === undefined || values.length === 0) return {};
  return values.length === 1 ? { [field]: values[0] } : { [field]: { $in: values } };
};
