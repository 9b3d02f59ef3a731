// Handovers (migration 7): a write that changes a document's owner or team leaves the previous
// owner and team without sight of it, so their pulls report it as removed (DocRemoval).
import type { ChangeNotice, DocWrite, StoredDoc } from './types';

export type Handover = {
  docId: string;
  seq: number;
  fromOwnerId: string;
  fromTeamId: string | null;
};

/** The handovers among `writes`, the i-th write taking sequence number `firstSeq + i`. */
export const handoversOf = (
  writes: readonly DocWrite[],
  current: ReadonlyMap<string, StoredDoc>,
  firstSeq: number,
): Handover[] =>
  writes.flatMap((w, i) => {
    const before = current.get(w.id);
    if (before === undefined) return [];
    if (before.ownerId === w.ownerId && before.teamId === w.teamId) return [];
    return [
      { docId: w.id, seq: firstSeq + i, fromOwnerId: before.ownerId, fromTeamId: before.teamId },
    ];
  });

/** The notice also reaches the previous owners and teams, whose devices must drop the records. */
export const noticeWithHandovers = (
  notice: ChangeNotice,
  handovers: readonly Handover[],
): ChangeNotice =>
  handovers.length === 0
    ? notice
    : {
        ...notice,
        ownerIds: [...new Set([...notice.ownerIds, ...handovers.map((h) => h.fromOwnerId)])],
        teamIds: [...new Set([...notice.teamIds, ...handovers.map((h) => h.fromTeamId)])],
      };
