import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CaptureDraft, CaptureDuplicate } from '../../../shared/domain/capture-duplicates';
import type { DuplicateCandidate } from '../../../shared/domain/duplicates';
import type { Lead } from '../../../shared/domain/records';
import { useServices } from '../../app/services';
import type { LeadPage } from '../../app/store-port';
import type { LeadFilters } from '../../app/ui-store';
import { useObservable } from '../../app/use-observable';

// Rows asked for at a time: a few screens of the table, read again as the user scrolls.
export const LEAD_PAGE_SIZE = 100;
// Ask for the next page this many rows before the loaded ones run out.
const LOAD_AHEAD = 40;

export type LeadList = {
  /** The loaded window of matching leads; undefined while the first one loads. */
  page: LeadPage | undefined;
  /** The table shows rows up to `index`: load more when that nears the end of the window. */
  showing(index: number): void;
};

/** Leads matching the filters, newest first, loaded a page at a time as the table scrolls. */
export const useLeadList = (filters: LeadFilters): LeadList => {
  const { queries } = useServices();
  const { text, state, rating, source, fair, fairQuestion, fairAnswer } = filters;
  const key = JSON.stringify([text, state, rating, source, fair, fairQuestion, fairAnswer]);
  // The limit belongs to one set of filters: new filters start from the first page.
  const [wanted, setWanted] = useState({ key, limit: LEAD_PAGE_SIZE });
  const limit = wanted.key === key ? wanted.limit : LEAD_PAGE_SIZE;
  const source$ = useMemo(
    () => queries.leads({ text, state, rating, source, fair, fairQuestion, fairAnswer }, limit),
    [queries, text, state, rating, source, fair, fairQuestion, fairAnswer, limit],
  );
  // A larger limit keeps the rows on screen until the wider window arrives.
  const [loaded, setLoaded] = useState<{ key: string; page: LeadPage } | null>(null);
  useEffect(() => {
    const subscription = source$.subscribe((page) => setLoaded({ key, page }));
    return () => subscription.unsubscribe();
  }, [source$, key]);
  const page = loaded?.key === key ? loaded.page : undefined;
  const rows = page?.rows.length ?? 0;
  const hasMore = page?.hasMore ?? false;
  const showing = useCallback(
    (index: number) => {
      if (!hasMore || index < rows - LOAD_AHEAD) return;
      const next = rows + LEAD_PAGE_SIZE;
      setWanted((w) => (w.key === key && w.limit >= next ? w : { key, limit: next }));
    },
    [hasMore, rows, key],
  );
  return { page, showing };
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

// Asked again this long after the last keystroke, not on every one.
const CAPTURE_DEBOUNCE_MS = 250;

/** Likely duplicates of the lead being typed; empty until there is something to compare. */
export const useCaptureDuplicates = (draft: CaptureDraft): CaptureDuplicate[] => {
  const { queries } = useServices();
  const key = JSON.stringify([
    draft.firstName,
    draft.lastName,
    draft.company,
    draft.email,
    draft.phone,
    draft.mobile,
    draft.vatNumber,
  ]);
  const [found, setFound] = useState<{ key: string; rows: CaptureDuplicate[] } | null>(null);
  useEffect(() => {
    const probe = JSON.parse(key) as string[];
    if (probe.every((v) => v.trim() === '')) return;
    const [firstName, lastName, company, email, phone, mobile, vatNumber] = probe as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    let subscription: { unsubscribe(): void } | undefined;
    const timer = setTimeout(() => {
      subscription = queries
        .captureDuplicates({ firstName, lastName, company, email, phone, mobile, vatNumber })
        .subscribe((rows) => setFound({ key, rows }));
    }, CAPTURE_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      subscription?.unsubscribe();
    };
  }, [queries, key]);
  return found?.key === key ? found.rows : [];
};
