import { useServices } from '../../app/services';

export const useSyncActions = () => {
  const { sync } = useServices();
  return { syncNow: () => sync.syncNow(), retry: sync.retry, discard: sync.discard };
};
