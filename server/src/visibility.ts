// Who sees and who may change what (DESIGN.md §4): a seller their own records, their team's
// accounts and contacts, the catalog and every trade fair; a manager their team; an admin
// everything.
import type { LocalizedText } from '../../shared/domain/errors';
import type { Actor } from '../../shared/domain/context';
import type { RejectionCode, SyncCollection } from '../../shared/sync/protocol';
import { pullOnlyCollections } from '../../shared/sync/protocol';
import type { ChangeNotice, PullScope, StoredDoc } from './storage/types';

/** Collections every member of a team may read and update. */
const teamShared: readonly SyncCollection[] = ['accounts', 'contacts'];

// A fair is no one's personal data and colleagues meet at the same fair: everyone reads every
// fair (the office's and the sellers'); only its owner, their manager or the office edit it.
const everyoneReads: readonly SyncCollection[] = ['tradefairs'];

export const isCatalog = (collection: SyncCollection): boolean =>
  pullOnlyCollections.includes(collection);

export const pullScope = (actor: Actor, collection: SyncCollection): PullScope => {
  if (actor.role === 'admin' || isCatalog(collection) || everyoneReads.includes(collection)) {
    return { kind: 'all' };
  }
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

export type Denial = { code: RejectionCode; message: LocalizedText; field?: string };

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
        message: {
          en: 'The owner is not a user of this office.',
          it: 'Il proprietario non è un utente di questo ufficio.',
        },
        field: 'ownerId',
      };
    }
    return null;
  }
  if (isCatalog(collection)) {
    return {
      code: 'read_only',
      message: {
        en: 'The catalog and office data are maintained by the office.',
        it: "Il catalogo e i dati dell'ufficio sono gestiti dall'ufficio.",
      },
    };
  }
  if (ownerTeam === undefined) {
    return {
      code: 'not_owner',
      message: {
        en: 'The owner is not a user of this office.',
        it: 'Il proprietario non è un utente di questo ufficio.',
      },
      field: 'ownerId',
    };
  }
  if (actor.role === 'manager') {
    if (actor.teamId === null)
      return {
        code: 'forbidden',
        message: {
          en: 'You are not in a team.',
          it: 'Non fai parte di un team.',
        },
      };
    if (current && current.teamId !== actor.teamId) {
      return {
        code: 'forbidden',
        message: {
          en: 'This record belongs to another team.',
          it: 'Questo record appartiene a un altro team.',
        },
      };
    }
    if (ownerTeam !== actor.teamId) {
      return {
        code: 'not_owner',
        message: {
          en: 'A record can only be assigned within your team.',
          it: "Un record può essere assegnato solo all'interno del tuo team.",
        },
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
          message: {
            en: 'You can only create records that you own.',
            it: 'Puoi creare solo record di cui sei il proprietario.',
          },
          field: 'ownerId',
        };
  }
  const sharedInTeam =
    teamShared.includes(collection) && actor.teamId !== null && current.teamId === actor.teamId;
  if (current.ownerId !== actor.userId && !sharedInTeam) {
    return {
      code: 'forbidden',
      message: {
        en: 'This record belongs to someone else.',
        it: "Questo record appartiene a un'altra persona.",
      },
    };
  }
  if (ownerId !== current.ownerId) {
    return {
      code: 'not_owner',
      message: {
        en: 'Only a manager can change the owner of a record.',
        it: 'Solo un responsabile può cambiare il proprietario di un record.',
      },
      field: 'ownerId',
    };
  }
  return null;
};
