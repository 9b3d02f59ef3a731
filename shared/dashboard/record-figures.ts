// Every report computed from every record: the full computation the kept sums
// (aggregate-figures.ts) are held to, report by report, in the same shape.
import type { ExchangeRates } from '../domain/exchange';
import type { Activity, Invoice, Lead, Opportunity } from '../domain/records';
import { activitiesBySeller } from './activities';
import { forecastByMonth } from './forecast';
import { overdueInvoices } from './invoices';
import { leadFunnel, leadsBySource, leadsByTradeFair } from './leads';
import { pipelineBySeller, pipelineByStage } from './pipeline';
import type { Period } from './win-rate';
import { winRates } from './win-rate';

export type TeamRecordLists = {
  opportunities: readonly Opportunity[];
  leads: readonly Lead[];
  activities: readonly Activity[];
  invoices: readonly Invoice[];
};

export const recordFigures = (
  records: TeamRecordLists,
  rates: ExchangeRates,
  period: Period,
  now: Date,
) => {
  const { opportunities, leads } = records;
  return {
    byStage: pipelineByStage(opportunities, rates),
    bySeller: pipelineBySeller(opportunities, rates),
    forecast: forecastByMonth(opportunities, rates),
    winRates: winRates(opportunities, rates, period),
    funnel: leadFunnel(leads, opportunities),
    sources: leadsBySource(leads),
    fairs: leadsByTradeFair(leads),
    activities: activitiesBySeller(records.activities, now.toISOString()),
    overdue: overdueInvoices(records.invoices, now.toISOString().slice(0, 10), rates),
  };
};
