import { useMemo } from 'react';
import type { TradeFair } from '../../../shared/domain/records';
import { useServices } from '../../app/services';
import { useUiStore } from '../../app/ui-store';
import { useObservable } from '../../app/use-observable';

/** The device's calendar day (YYYY-MM-DD): a fair runs by the local calendar. */
export const localToday = (now = new Date()): string =>
  [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'))
    .join('-');

/** Every trade fair on the device; undefined while loading. */
export const useTradeFairs = (): TradeFair[] | undefined => {
  const { queries } = useServices();
  return useObservable(
    useMemo(() => queries.tradeFairs(), [queries]),
    undefined,
  );
};

/** The fair chosen as current in Settings, null when none (or not on this device). */
export const useCurrentFair = (): TradeFair | null => {
  const id = useUiStore((s) => s.currentFairId);
  const fairs = useTradeFairs();
  return id === '' ? null : (fairs?.find((f) => f.id === id) ?? null);
};

/** How many leads each fair brought, by fair id. */
export const useLeadCountsByFair = (): Record<string, number> => {
  const { queries } = useServices();
  return useObservable(
    useMemo(() => queries.leadCountsByFair(), [queries]),
    {},
  );
};
