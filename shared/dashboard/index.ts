// The sales manager's figures over the team's records: pure functions of the records and the
// office's exchange rates, in the base currency (EUR).
export { pipelineByStage, pipelineBySeller } from './pipeline';
export type { Figures, PipelineRow, SellerPipelineRow, StageRow } from './pipeline';
export { forecastByMonth } from './forecast';
export type { Forecast, ForecastMonthRow } from './forecast';
export { periodOf, winRates } from './win-rate';
export type { Period, WinRateRow } from './win-rate';
export { funnelSteps, leadFunnel, leadsBySource, leadsByTradeFair } from './leads';
export type { FairRow, FunnelRow, FunnelStep, SourceRow } from './leads';
export { activitiesBySeller, workTypes } from './activities';
export type { ActivityRow, WorkType } from './activities';
export { overdueInvoices } from './invoices';
export type { OverdueRow } from './invoices';
export { DashboardAggregates } from './aggregates';
export { aggregateFigures } from './aggregate-figures';
export { recordFigures } from './record-figures';
export type { TeamRecordLists } from './record-figures';
export { activityEntryOf, invoiceEntryOf, leadEntryOf, opportunityEntryOf } from './entries';
export type { ActivityEntry, InvoiceEntry, LeadEntry, OpportunityEntry } from './entries';
