import { useMemo } from 'react';
import { useServices } from '../../app/services';
import { useObservable } from '../../app/use-observable';

/** The owner's name as the office publishes it; undefined while loading or unknown. */
export const useOwnerName = (userId: string): string | undefined => {
  const { queries, user } = useServices();
  const name = useObservable(
    useMemo(() => queries.teamMemberName(userId), [queries, userId]),
    null,
  );
  // The signed-in seller knows their own name even before the reference data arrives.
  return name ?? (userId === user.id ? user.name : undefined);
};
