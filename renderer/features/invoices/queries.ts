import { useMemo } from 'react';
import type { Invoice } from '../../../shared/domain/records';
import { useServices } from '../../app/services';
import { useObservable } from '../../app/use-observable';

export const useInvoiceList = (): Invoice[] | undefined => {
  const { queries } = useServices();
  return useObservable(
    useMemo(() => queries.invoices({}), [queries]),
    undefined,
  );
};

export const useInvoice = (id: string): Invoice | null | undefined => {
  const { queries } = useServices();
  return useObservable(
    useMemo(() => queries.invoice(id), [queries, id]),
    undefined,
  );
};
