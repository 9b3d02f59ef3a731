import { useMemo } from 'react';
import type { Opportunity } from '../../../shared/domain/records';
import { useServices } from '../../app/services';
import type { Pipeline } from '../../app/store-port';
import { useObservable } from '../../app/use-observable';

export const useOpportunityList = (text: string): Opportunity[] | undefined => {
  const { queries } = useServices();
  return useObservable(
    useMemo(() => queries.opportunities({ text }), [queries, text]),
    undefined,
  );
};

export const useOpportunitiesOf = (filter: {
  accountId?: string;
  contactId?: string;
}): Opportunity[] | undefined => {
  const { queries } = useServices();
  const { accountId, contactId } = filter;
  const source$ = useMemo(
    () => queries.opportunities({ accountId, contactId }),
    [queries, accountId, contactId],
  );
  return useObservable(source$, undefined);
};

export const useOpportunity = (id: string): Opportunity | null | undefined => {
  const { queries } = useServices();
  return useObservable(
    useMemo(() => queries.opportunity(id), [queries, id]),
    undefined,
  );
};

/** Open opportunities by stage with totals in the base currency. */
export const usePipeline = (): Pipeline | undefined => {
  const { queries } = useServices();
  return useObservable(
    useMemo(() => queries.pipeline(), [queries]),
    undefined,
  );
};
