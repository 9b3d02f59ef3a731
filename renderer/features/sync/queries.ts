import { initialSyncStatus } from '../../data/sync/status';
import type { SyncStatus } from '../../data/sync/status';
import { useServices } from '../../app/services';
import { useObservable } from '../../app/use-observable';

export const useSyncStatus = (): SyncStatus =>
  useObservable(useServices().sync.status$, initialSyncStatus);
