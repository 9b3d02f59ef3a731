import { useMemo } from 'react';
import type { Order } from '../../../shared/domain/records';
import { useServices } from '../../app/services';
import { useObservable } from '../../app/use-observable';

export const useOrderList = (): Order[] | undefined => {
  const { queries } = useServices();
  return useObservable(
    useMemo(() => queries.orders({}), [queries]),
    undefined,
  );
};

export const useOrder = (id: string): Order | null | undefined => {
  const { queries } = useServices();
  return useObservable(
    useMemo(() => queries.order(id), [queries, id]),
    undefined,
  );
};
