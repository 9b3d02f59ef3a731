// The device's commands, one typed handler map per record type, all wrapped once by the
// command runner (rule from shared/domain, ordered writes, numbering, typed result).
import type { FairleadDatabase } from '../database';
import { accountCommandDefs, contactCommandDefs } from './account';
import { activityCommandDefs } from './activity';
import type { CommandOptions, Handlers, SessionSource } from './command-kit';
import { createCommandRunner } from './command-kit';
import { leadCommandDefs } from './lead';
import { opportunityCommandDefs } from './opportunity';
import { invoiceCommandDefs } from './invoice';
import { orderCommandDefs } from './order';
import { quoteCommandDefs } from './quote';
import { reassignCommandDefs } from './reassign';
import { tradeFairCommandDefs } from './trade-fair';

export type { CommandEnv, CommandOptions, CommandResult, SessionSource } from './command-kit';
export type { CommandLineEdit, CommandLineInput } from './lines';
export type { QualifiedLead } from './lead';
export type { ActivityCommandInput } from './activity';
export type { QuoteDraftCommandPatch } from './quote';
export type { CreditNoteIssued } from './invoice';

export type LeadCommands = Handlers<typeof leadCommandDefs>;
export type AccountCommands = Handlers<typeof accountCommandDefs>;
export type ContactCommands = Handlers<typeof contactCommandDefs>;
export type OpportunityCommands = Handlers<typeof opportunityCommandDefs>;
export type QuoteCommands = Handlers<typeof quoteCommandDefs>;
export type OrderCommands = Handlers<typeof orderCommandDefs>;
export type InvoiceCommands = Handlers<typeof invoiceCommandDefs>;
export type ActivityCommands = Handlers<typeof activityCommandDefs>;
export type RecordCommands = Handlers<typeof reassignCommandDefs>;
export type { ReassignInput } from './reassign';
export type TradeFairCommands = Handlers<typeof tradeFairCommandDefs>;

export type FairleadCommands = {
  lead: LeadCommands;
  account: AccountCommands;
  contact: ContactCommands;
  opportunity: OpportunityCommands;
  quote: QuoteCommands;
  order: OrderCommands;
  invoice: InvoiceCommands;
  activity: ActivityCommands;
  /** Commands on any owned record (a manager's reassignment). */
  record: RecordCommands;
  tradeFair: TradeFairCommands;
};

/** Every command of the device for one store and the signed-in user. */
export const createCommands = (
  db: FairleadDatabase,
  session: SessionSource,
  options: CommandOptions = {},
): FairleadCommands => {
  const { handlers } = createCommandRunner(db, session, options);
  return {
    lead: handlers(leadCommandDefs),
    account: handlers(accountCommandDefs),
    contact: handlers(contactCommandDefs),
    opportunity: handlers(opportunityCommandDefs),
    quote: handlers(quoteCommandDefs),
    order: handlers(orderCommandDefs),
    invoice: handlers(invoiceCommandDefs),
    activity: handlers(activityCommandDefs),
    record: handlers(reassignCommandDefs),
    tradeFair: handlers(tradeFairCommandDefs),
  };
};
