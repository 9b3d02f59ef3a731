// Whether the signed-in user may delete a record: the deletion table of shared/domain, the
// same one the server applies, so a Delete button is offered only where it will be accepted.
import { mayDelete } from '../../shared/domain/deletion';
import type { AnyRecord, RecordType } from '../../shared/domain/records';
import { useServices } from './services';

export const useMayDelete = (type: RecordType, record: AnyRecord): boolean => {
  const { user } = useServices();
  return mayDelete(type, record, { userId: user.id, role: user.role, teamId: user.teamId });
};
