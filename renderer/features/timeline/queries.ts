import { useMemo } from 'react';
import type { Activity, RegardingType } from '../../../shared/domain/records';
import { useServices } from '../../app/services';
import { useObservable } from '../../app/use-observable';

/** The record's activities, newest first. */
export const useTimeline = (type: RegardingType, id: string): Activity[] | undefined => {
  const { queries } = useServices();
  return useObservable(
    useMemo(() => queries.timeline(type, id), [queries, type, id]),
    undefined,
  );
};
