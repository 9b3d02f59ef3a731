// The manager's figures over the team's records on this device, again as records change
// (replication, other windows). The screen reads sums kept change by change
// (data/queries/dashboard.ts); `dashboardFigures` computes the same from every record with the
// pure functions of shared/dashboard, the reference the kept sums are tested against.
import { useMemo } from 'react';
import type { Period } from '../../../shared/dashboard';
import { aggregateFigures, recordFigures } from '../../../shared/dashboard';
import type { Refdata } from '../../../shared/domain/records';
import { useServices } from '../../app/services';
import type { TeamRecords } from '../../app/store-port';
import { useObservable } from '../../app/use-observable';
import type { DashboardSource } from '../../data';
import { exchangeRatesOf, teamMembersOf } from '../../data';

const namesOf = (refdata: readonly Refdata[]) => {
  const names = new Map(teamMembersOf(refdata).map((m) => [m.userId, m.name]));
  return (id: string) => names.get(id) ?? id;
};

/** Every report from every record: the full computation. */
export const dashboardFigures = (records: TeamRecords, period: Period, now = new Date()) => {
  const rates = exchangeRatesOf(records.refdata);
  return {
    currency: rates.base,
    sellerName: namesOf(records.refdata),
    ...recordFigures(records, rates, period, now),
  };
};

export type DashboardFigures = ReturnType<typeof dashboardFigures>;

/** Every report from the kept sums: what the screen shows. */
export const keptFigures = (
  source: DashboardSource,
  period: Period,
  now = new Date(),
): DashboardFigures => {
  const rates = exchangeRatesOf(source.refdata);
  return {
    currency: rates.base,
    sellerName: namesOf(source.refdata),
    ...aggregateFigures(source.aggregates, rates, period, now),
  };
};

export const useDashboardFigures = (period: Period): DashboardFigures | undefined => {
  const { queries } = useServices();
  const source = useObservable(
    useMemo(() => queries.dashboard(), [queries]),
    undefined,
  );
  return useMemo(
    () => (source === undefined ? undefined : keptFigures(source, period)),
    [source, period],
  );
};
