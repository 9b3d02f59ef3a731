import { describe, expect, it } from 'vitest';
import * as domain from './index';

describe('shared/domain public API', () => {
  it('exposes the rules, checks and helpers other parts build on', () => {
    const names = [
      'createLead',
      'updateLead',
      'qualifyLead',
      'disqualifyLead',
      'reactivateLead',
      'findDuplicateCandidates',
      'createAccount',
      'createContact',
      'createOpportunity',
      'moveOpportunityStage',
      'closeOpportunityAsWon',
      'closeOpportunityAsLost',
      'reopenOpportunity',
      'createQuoteFromOpportunity',
      'updateQuoteDraft',
      'activateQuote',
      'reviseQuote',
      'closeQuote',
      'createOrderFromQuote',
      'lockOrderPrices',
      'unlockOrderPrices',
      'fulfilOrder',
      'cancelOrder',
      'createInvoiceFromOrder',
      'markInvoicePaid',
      'issueCreditNote',
      'recordPayment',
      'checkVatNumber',
      'checkTaxCode',
      'upgradeRecord',
      'createActivity',
      'completeActivity',
      'systemActivity',
      'normalizeText',
      'matchesSearch',
      'validateChange',
      'mayDelete',
      'checkDeletion',
      'deleteRecord',
      'computeTotals',
      'nextNumber',
      'derivedId',
    ] as const;
    for (const name of names) expect(typeof domain[name], name).toBe('function');
    expect(domain.recordSchemas.quote).toBeDefined();
  });
});
