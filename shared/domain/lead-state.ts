// Shared by the lead rules: who a lead is, its timeline, and the open-state guard.
import type { Regarding } from './activity';
import type { Result } from './errors';
import { fail, ok } from './errors';
import { canRun } from './lifecycle-moves';
import type { Lead } from './records';
import { personName } from './person-name';

/** The lead's name to show: the person, else the company. */
export const leadDisplayName = (lead: Pick<Lead, 'firstName' | 'lastName' | 'company'>) =>
  personName(lead) || lead.company.trim();

export const leadRegarding = (lead: Lead): Regarding => ({
  type: 'lead',
  id: lead.id,
  ownerId: lead.ownerId,
});

/** The lead is open (editable); with a command: the lifecycle lets it run from here. */
export const requireOpenLead = (lead: Lead, command?: string): Result<void> =>
  (command === undefined ? lead.state === 'open' : canRun('lead', command, lead))
    ? ok(undefined)
    : fail(
        'lead.not_open',
        lead.state === 'qualified'
          ? 'This lead is already qualified and can no longer be changed.'
          : 'This lead is disqualified. Reactivate it to change it.',
        lead.state === 'qualified'
          ? 'Questo lead è già qualificato e non può più essere modificato.'
          : 'Questo lead è squalificato. Riattivalo per modificarlo.',
        'state',
      );
