import { useMemo } from 'react';
import type { TeamMember } from '../../../shared/domain/reassign';
import { assignableSellers } from '../../../shared/domain/reassign';
import { teamMembersOf } from '../../data';
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

/** The sellers a manager (or admin) may give a record to, as this device knows them. */
export const useAssignableSellers = (): TeamMember[] | undefined => {
  const { queries, user } = useServices();
  const refdata = useObservable(
    useMemo(() => queries.refdataOfKind('team_member'), [queries]),
    undefined,
  );
  return useMemo(
    () =>
      refdata === undefined
        ? undefined
        : assignableSellers(teamMembersOf(refdata), {
            userId: user.id,
            role: user.role,
            teamId: user.teamId,
          }),
    [refdata, user],
  );
};
