// Who sees and who may change what (DESIGN.md §4): a seller their own records, their team's
// accounts and contacts and the catalog; a manager their team; an admin everything.
import type { Actor } from '../../shared/domain/context';
import type { RejectionCode, SyncCollection } from '../../shared/sync/protocol';
import { pullOnlyCollections } from '../../shared/sync/protocol';
import type { ChangeNotice, PullScope, StoredDoc } from './storage/types';

/** Collections every member of a team may read and update. */
const teamShared: readonly SyncCollection[] = ['accounts', 'contacts'];

export const isCatalog = (collection: SyncCollection): boolean =>
  pullOnlyCollections.includes(collection);

export const pullScope = (actor: Actor, collection: SyncCollection): PullScope => {
  if (actor.role === 'admin' || isCatalog(collection)) return { kind: 'all' };
  if (actor.role === 'manager' || teamShared.includes(collection)) {
    return { kind: 'filter', ownerId: actor.userId, teamId: actor.teamId };
  }
  return { kind: 'filter', ownerId: actor.userId, teamId: null };
};

/** Whether a committed change may concern this user's streams. */
export const noticeConcerns = (actor: Actor, notice: ChangeNotice): boolean => {
  const scope = pullScope(actor, notice.collection);
  if (scope.kind === 'all' || notice.everyone === true) return true;
  if (notice.ownerIds.includes(scope.ownerId)) return true;
  return scope.teamId !== null && notice.teamIds.includes(scope.teamId);
};

export type Denial = { code: RejectionCode; message: string; field?: string };

/**
 * May `actor` write `ownerId`'s version of a document over `current`?
 * `ownerTeam` is the team of the new owner, looked up on the server (undefined: unknown user).
 */
export const checkWrite = (
  actor: Actor,
  collection: SyncCollection,
  current: StoredDoc | null,
  ownerId: string,
  ownerTeam: string | null | undefined,
): Denial | null => {
  if (actor.role === 'admin') {
    if (!isCatalog(collection) && ownerTeam === undefined) {
      return {
        code: 'not_owner',
        message: 'The owner is not a user of this office.',
        field: 'ownerId',
      };
    }
    return null;
  }
  if (isCatalog(collection)) {
    return {
      code: 'read_only',
      message: 'The catalog and office data are maintained by the office.',
    };
  }
  if (ownerTeam === undefined) {
    return {
      code: 'not_owner',
      message: 'The owner is not a user of this office.',
      field: 'ownerId',
    };
  }
  if (actor.role === 'manager') {
    if (actor.teamId === null) return { code: 'forbidden', message: 'You are not in a team.' };
    if (current && current.teamId !== actor.teamId) {
      return { code: 'forbidden', message: 'This record belongs to another team.' };
    }
    if (ownerTeam !== actor.teamId) {
      return {
        code: 'not_owner',
        message: 'A record can only be assigned within your team.',
        field: 'ownerId',
      };
    }
    return null;
  }
  // Seller.
  if (current === null) {
    return ownerId === actor.userId
      ? null
      : {
          code: 'not_owner',
          message: 'You can only create records that you own.',
          field: 'ownerId',
        };
  }
  const sharedInTeam =
    teamShared.includes(collection) && actor.teamId !== null && current.teamId === actor.teamId;
  if (current.ownerId !== actor.userId && !sharedInTeam) {
    return { code: 'forbidden', message: 'This record belongs to someone else.' };
  }
  if (ownerId !== current.ownerId) {
    return {
      code: 'not_owner',
      message: 'Only a manager can change the owner of a record.',
      field: 'ownerId',
    };
  }
  return null;
};
