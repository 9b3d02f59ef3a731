// The manager's figures over the team's records on this device, recomputed as records change
// (replication, other windows). The sums are the pure functions of shared/dashboard.
import { useMemo } from 'react';
import type { Period } from '../../../shared/dashboard';
import {
  activitiesBySeller,
  forecastByMonth,
  leadFunnel,
  leadsBySource,
  leadsByTradeFair,
  overdueInvoices,
  pipelineBySeller,
  pipelineByStage,
  winRates,
} from '../../../shared/dashboard';
import { useServices } from '../../app/services';
import type { TeamRecords } from '../../app/store-port';
import { useObservable } from '../../app/use-observable';
import { exchangeRatesOf, teamMembersOf } from '../../data';

export const useTeamRecords = (): TeamRecords | undefined => {
  const { queries } = useServices();
  return useObservable(
    useMemo(() => queries.teamRecords(), [queries]),
    undefined,
  );
};

const today = (): string => new Date().toISOString().slice(0, 10);

export const dashboardFigures = (records: TeamRecords, period: Period, now = new Date()) => {
  const rates = exchangeRatesOf(records.refdata);
  const members = teamMembersOf(records.refdata);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const { opportunities, leads } = records;
  return {
    currency: rates.base,
    sellerName: (id: string) => names.get(id) ?? id,
    byStage: pipelineByStage(opportunities, rates),
    bySeller: pipelineBySeller(opportunities, rates),
    forecast: forecastByMonth(opportunities, rates),
    winRates: winRates(opportunities, rates, period),
    funnel: leadFunnel(leads, opportunities),
    sources: leadsBySource(leads),
    fairs: leadsByTradeFair(leads),
    activities: activitiesBySeller(records.activities, now.toISOString()),
    overdue: overdueInvoices(records.invoices, today(), rates),
  };
};

export type DashboardFigures = ReturnType<typeof dashboardFigures>;

export const useDashboardFigures = (period: Period): DashboardFigures | undefined => {
  const records = useTeamRecords();
  return useMemo(
    () => (records === undefined ? undefined : dashboardFigures(records, period)),
    [records, period],
  );
};
