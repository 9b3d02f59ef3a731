// Several windows on one store: only the leader window replicates (RxDB leader election), so
// only its sync status is true. The leader broadcasts it; the other windows show that one and
// ask the leader when the seller presses Sync now.
import { BehaviorSubject, combineLatest, map } from 'rxjs';
import type { Observable } from 'rxjs';
import type { FairleadDatabase } from '../database';
import type { SyncStatus } from './status';

type Message = { type: 'status'; status: SyncStatus } | { type: 'hello' } | { type: 'sync-now' };

export type SharedSyncStatus = {
  status$: Observable<SyncStatus>;
  /** The status this window shows (the leader's). */
  current(): SyncStatus;
  /** Syncs now in the leader window, wherever it was asked. */
  syncNow(): void;
  stop(): void;
};

export const shareSyncStatus = (
  db: FairleadDatabase,
  local: { status$: Observable<SyncStatus>; status(): SyncStatus; reSync(): void },
): SharedSyncStatus => {
  const channel = new BroadcastChannel(`fairlead-sync-status:${db.name}`);
  const leader$ = new BehaviorSubject(db.isLeader());
  const fromLeader$ = new BehaviorSubject<SyncStatus | null>(null);
  const post = (message: Message) => channel.postMessage(message);
  channel.onmessage = (event: MessageEvent<Message>) => {
    const message = event.data;
    if (leader$.getValue()) {
      if (message.type === 'hello') post({ type: 'status', status: local.status() });
      if (message.type === 'sync-now') local.reSync();
    } else if (message.type === 'status') {
      fromLeader$.next(message.status);
    }
  };
  void db.waitForLeadership().then(() => leader$.next(true));
  const broadcast = combineLatest([leader$, local.status$]).subscribe(([leader, status]) => {
    if (leader) post({ type: 'status', status });
  });
  // A window that opens later asks the leader for its status at once.
  if (!leader$.getValue()) post({ type: 'hello' });
  const shown = (leader: boolean, own: SyncStatus, theirs: SyncStatus | null) =>
    leader || theirs === null ? own : theirs;
  return {
    status$: combineLatest([leader$, local.status$, fromLeader$]).pipe(
      map(([leader, own, theirs]) => shown(leader, own, theirs)),
    ),
    current: () => shown(leader$.getValue(), local.status(), fromLeader$.getValue()),
    syncNow: () => (leader$.getValue() ? local.reSync() : post({ type: 'sync-now' })),
    stop: () => {
      broadcast.unsubscribe();
      channel.close();
      leader$.complete();
      fromLeader$.complete();
    },
  };
};
