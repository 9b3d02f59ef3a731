// Subscribes a component to an RxJS observable from the store's queries.
import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

/**
 * The latest value of `source`, or `initial` until it emits. Pass a memoized observable
 * (useMemo) so the subscription is not renewed on every render.
 */
export const useObservable = <T>(source: Observable<T> | null | undefined, initial: T): T => {
  const [state, setState] = useState<{ source: Observable<T> | null; value: T }>({
    source: null,
    value: initial,
  });
  useEffect(() => {
    if (!source) return undefined;
    const subscription = source.subscribe((value) => setState({ source, value }));
    return () => subscription.unsubscribe();
  }, [source]);
  return state.source === source ? state.value : initial;
};
