import { useTranslation } from 'react-i18next';
import { initialSyncStatus } from '../../data';
import type { SyncStatus } from '../../data/sync/status';
import { useServices } from '../../app/services';
import { useObservable } from '../../app/use-observable';

export const useSyncStatus = (): SyncStatus =>
  useObservable(useServices().sync.status$, initialSyncStatus);

/**
 * What an empty list says: while the first sync is still downloading, the records are on
 * their way, not missing ("No leads match" would be wrong).
 */
export const useListEmptyText = (emptyText: string): string => {
  const { t } = useTranslation();
  const status = useSyncStatus();
  return status.firstSync === null ? emptyText : t('sync.firstSyncEmpty');
};
