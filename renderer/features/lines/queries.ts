import { useMemo } from 'react';
import type { PriceList } from '../../../shared/domain/records';
import { useServices } from '../../app/services';
import type { CatalogHit } from '../../app/store-port';
import { useObservable } from '../../app/use-observable';

/** Active catalog products matching a name or SKU, priced from the price list. */
export const useCatalogSearch = (
  query: string,
  priceListId: string | null,
  currency: string,
): CatalogHit[] | undefined => {
  const { queries } = useServices();
  const source$ = useMemo(
    () => queries.catalog(query, priceListId, currency),
    [queries, query, priceListId, currency],
  );
  return useObservable(source$, undefined);
};

/** The price lists in a currency, for the document's price list choice. */
export const usePriceLists = (currency: string): PriceList[] | undefined => {
  const { queries } = useServices();
  return useObservable(
    useMemo(() => queries.priceLists(currency), [queries, currency]),
    undefined,
  );
};
