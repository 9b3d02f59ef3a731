import { useMemo } from 'react';
import type { DuplicateCandidate } from '../../../shared/domain/duplicates';
import type { Lead } from '../../../shared/domain/records';
import { useServices } from '../../app/services';
import type { LeadFilters } from '../../app/ui-store';
import { useObservable } from '../../app/use-observable';

/** Leads matching the filters, newest first; undefined while loading. */
export const useLeadList = (filters: LeadFilters): Lead[] | undefined => {
  const { queries } = useServices();
  const { text, state, rating, source } = filters;
  const source$ = useMemo(
    () => queries.leads({ text, state, rating, source }),
    [queries, text, state, rating, source],
  );
  return useObservable(source$, undefined);
};

/** The lead, null when it is not on this device, undefined while loading. */
export const useLead = (id: string): Lead | null | undefined => {
  const { queries } = useServices();
  return useObservable(
    useMemo(() => queries.lead(id), [queries, id]),
    undefined,
  );
};

export const useDuplicateCandidates = (lead: Lead): DuplicateCandidate[] | undefined => {
  const { queries } = useServices();
  // Checked once when the dialog opens: the lead does not change while it is open.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const source$ = useMemo(() => queries.duplicates(lead), [queries, lead.id]);
  return useObservable(source$, undefined);
};
