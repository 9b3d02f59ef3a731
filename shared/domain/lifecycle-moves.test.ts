// The actions the screens offer and the last check of the commands, read from the tables.
import { describe, expect, it } from 'vitest';
import { availableCommands, canRun, checkMove, listsMove } from './lifecycle-moves';

describe('the actions a document offers where it stands', () => {
  it('follows the lead through open, disqualified and qualified', () => {
    expect([...availableCommands('lead', { state: 'open', status: 'new' })].sort()).toEqual([
      'disqualifyLead',
      'qualifyLead',
      'updateLead',
    ]);
    expect(availableCommands('lead', { state: 'disqualified', status: 'lost' })).toEqual([
      'reactivateLead',
    ]);
    expect(availableCommands('lead', { state: 'qualified', status: 'qualified' })).toEqual([]);
  });

  it('lets a quote closed as lost be revised, and nothing else once won or revised', () => {
    expect(availableCommands('quote', { state: 'closed', status: 'lost' })).toEqual([
      'reviseQuote',
    ]);
    expect(availableCommands('quote', { state: 'closed', status: 'revised' })).toEqual([]);
    expect(availableCommands('quote', { state: 'won', status: 'won' })).toEqual([]);
  });

  it('lets a fulfilled order be invoiced or canceled, and an invoiced one nothing', () => {
    expect(
      [...availableCommands('order', { state: 'fulfilled', status: 'fulfilled' })].sort(),
    ).toEqual(['cancelOrder', 'createInvoiceFromOrder']);
    expect(availableCommands('order', { state: 'invoiced', status: 'invoiced' })).toEqual([]);
  });

  it('offers nothing on an issued credit note, a paid invoice or a type without a lifecycle', () => {
    expect(availableCommands('invoice', { state: 'issued', status: 'issued' })).toEqual([]);
    expect(availableCommands('invoice', { state: 'paid', status: 'paid' })).toEqual([]);
    expect(availableCommands('account', { state: 'open' })).toEqual([]);
    expect(canRun('activity', 'completeActivity', { state: 'completed' })).toBe(false);
  });
});

describe('the last check of a command', () => {
  it('accepts a listed move into any status reason of the target state', () => {
    const active = { state: 'active', status: 'open' };
    expect(checkMove('quote', 'closeQuote', active, { state: 'closed', status: 'lost' })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(listsMove('activity', 'cancelActivity', { state: 'open' }, { state: 'canceled' })).toBe(
      true,
    );
  });

  it('refuses a move the table does not list for that command, in both languages', () => {
    const won = { state: 'won', status: 'won' };
    const refused = checkMove('quote', 'activateQuote', won, { state: 'active', status: 'open' });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'change.illegal_transition',
        field: 'state',
        message: {
          en: 'A quote cannot go from won to active.',
          it: expect.stringContaining('da "won" a "active"') as unknown,
        },
      },
    });
    // The right move by the wrong command, a status of another state, an unknown state.
    const draft = { state: 'draft', status: 'in_progress' };
    expect(listsMove('quote', 'closeQuote', draft, { state: 'active', status: 'open' })).toBe(
      false,
    );
    expect(listsMove('quote', 'closeQuote', draft, { state: 'closed', status: 'won' })).toBe(false);
    expect(listsMove('quote', 'closeQuote', draft, { state: 'gone', status: 'lost' })).toBe(false);
    // A status move must be listed too: contacted → new is, new → qualified is not.
    const lead = { state: 'open', status: 'contacted' };
    expect(listsMove('lead', 'updateLead', lead, { state: 'open', status: 'new' })).toBe(true);
    expect(listsMove('lead', 'updateLead', lead, { state: 'open', status: 'qualified' })).toBe(
      false,
    );
  });
});
