// The public API of the pure domain (DESIGN.md §1): record schemas, money, numbering,
// lifecycle rules and the server's change check. Device store and sync server import this.
export * from './records';
export * from './errors';
export * from './context';
export * from './ids';
export * from './effects';
export * from './money';
export * from './exchange';
export * from './pricing';
export * from './numbering';
export * from './search';
export * from './document-lines';
export * from './activity';
export * from './account';
export * from './contact';
export * from './lead';
export { qualifiedIds } from './lead-qualify';
export type { QualifyOpportunityInput } from './lead-qualify';
export { COMPANY_SIMILARITY_THRESHOLD, companySimilarity, normalizeVatNumber } from './duplicates';
export * from './opportunity';
export { checkStageGates, requireOpenOpportunity, stageIndex } from './opportunity-gates';
export * from './quote';
export { orderIdForQuote } from './quote-order';
export * from './order';
export * from './invoice';
export * from './validate-change';
export { editableFields, immutableFields, statusesByState, transitions } from './change-tables';
