// Stage gates of the opportunity's sales process (DESIGN.md §3: Qualify → Develop → Propose
// → Close). Moving forward requires what the next stage works with:
// - Develop needs a customer: an account or a contact;
// - Propose needs at least one line to quote and an estimated close date;
// - Close needs an estimated revenue above zero.
// Moving back needs nothing. Skipping stages must pass every gate on the way.
import type { Result } from './errors';
import { fail, ok } from './errors';
import { canRun } from './lifecycle-moves';
import type { Regarding } from './activity';
import type { Opportunity, OpportunityStage } from './records';
import { opportunityStages } from './records';

export const stageIndex = (stage: OpportunityStage): number => opportunityStages.indexOf(stage);

const gate = (opportunity: Opportunity, stage: OpportunityStage): Result<void> => {
  if (stage === 'develop' && opportunity.accountId === null && opportunity.contactId === null) {
    return fail(
      'opportunity.gate.customer_required',
      'To move to Develop, link the opportunity to an account or a contact.',
      "Per passare a Sviluppo, collega l'opportunità a un'azienda o a un contatto.",
      'accountId',
    );
  }
  if (stage === 'propose' && opportunity.lines.length === 0) {
    return fail(
      'opportunity.gate.lines_required',
      'To move to Propose, add at least one product line.',
      'Per passare a Proposta, aggiungi almeno una riga di prodotto.',
      'lines',
    );
  }
  if (stage === 'propose' && opportunity.estimatedCloseDate === null) {
    return fail(
      'opportunity.gate.close_date_required',
      'To move to Propose, enter an estimated close date.',
      'Per passare a Proposta, inserisci una data di chiusura prevista.',
      'estimatedCloseDate',
    );
  }
  if (stage === 'close' && opportunity.estimatedRevenue <= 0) {
    return fail(
      'opportunity.gate.revenue_required',
      'To move to Close, the estimated revenue must be above zero.',
      'Per passare a Chiusura, il ricavo stimato deve essere maggiore di zero.',
      'estimatedRevenue',
    );
  }
  return ok(undefined);
};

/** Checks every gate between the opportunity's stage and `target` (forward moves only). */
export const checkStageGates = (
  opportunity: Opportunity,
  target: OpportunityStage,
): Result<void> => {
  for (let i = stageIndex(opportunity.stage) + 1; i <= stageIndex(target); i++) {
    const stage = opportunityStages[i];
    if (stage === undefined) break;
    const check = gate(opportunity, stage);
    if (!check.ok) return check;
  }
  return ok(undefined);
};

export const opportunityRegarding = (o: Opportunity): Regarding => ({
  type: 'opportunity',
  id: o.id,
  ownerId: o.ownerId,
});

/** The opportunity is open (editable); with a command: the lifecycle lets it run from here. */
export const requireOpenOpportunity = (o: Opportunity, command?: string): Result<void> =>
  (command === undefined ? o.state === 'open' : canRun('opportunity', command, o))
    ? ok(undefined)
    : fail(
        'opportunity.not_open',
        'This opportunity is closed. Reopen it to change it.',
        'Questa opportunità è chiusa. Riaprila per modificarla.',
        'state',
      );
