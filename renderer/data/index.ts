// The device store's public API (DESIGN.md §1: the UI reads and writes only through here).
//
// Open:     createFairleadDatabase({ name, storage?, multiInstance?, devMode? }) → FairleadDatabase
//           (11 typed collections: db.leads, db.quotes…; leader election for several windows;
//           local documents for device state; every write checked against its schema).
// Write:    createCommands(db, actorOrGetter, { clock?, newId?, writer? }) →
//           { lead, account, contact, opportunity, quote, order, invoice, activity }, each a map of
//           `(input) => Promise<CommandResult<T>>` running the shared/domain rule.
// Number:   setupNumbering(db, series, highWater?) once per sign-in (the series from the server).
// Read:     leadList$, opportunityList$, quoteList$, orderList$, invoiceList$, record$, timeline$,
//           recordDetail$, pipelineTotals$ / preparePipeline, dashboard$ / prepareDashboard,
//           search$ / searchRefs / prepareSearch — RxJS observables of plain records. Search
//           terms, pipeline amounts and the dashboard's entries are derived state saved in
//           the store (derived/projection.ts).
// Load:     loadDataset(db, { lead: [...], quote: [...] }, { batchSize? }), loadDemoData(db).
// Errors:   StoreError (code, collection, documentId, field, localized {en, it}).
export type { DatabaseOptions, FairleadCollections, FairleadDatabase } from './database';
export { createFairleadDatabase } from './database';
export * from './commands/index';
export { readNumbering, setupNumbering, NUMBERING_DOC } from './numbering-store';
export type { DatasetRecords, LoadOptions } from './load';
export { loadDataset } from './load';
export { datasetRecords, DEMO_SEED, loadDemoData } from './demo';
export { StoreError } from './store-error';
export { collectionOf, plainDoc } from './write';
export type { DocumentWriter } from './write';
export * from './queries/lists';
export * from './queries/detail';
export * from './queries/pipeline';
export * from './queries/dashboard';
export type { SearchHit, SearchRef, SearchableType } from './search/search';
export { prepareSearch, saveSearchIndex, search$, searchRefs } from './search/search';
export * from './queries/fairs';
export { teamMembersOf } from './commands/reassign';
export type { SyncStatus } from './sync/status';
export { initialSyncStatus } from './sync/status';
