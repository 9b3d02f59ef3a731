import { describe, expect, it } from 'vitest';
import type { Actor } from './context';
import {
  ERASURE_SIGNATURE,
  checkDeletion,
  deleteRecord,
  deletionStateOf,
  deletionTable,
  mayDelete,
  mayUndelete,
} from './deletion';
import { activityStates, recordTypes } from './records';
import type { AnyRecord, RecordType } from './records';
import { statusesByState } from './change-tables';
import { errorCode, seller, unwrap } from './test-fixtures';
import { salesChain } from './test-sales-chain';
import { validateChange } from './validate-change';

const chain = salesChain(seller);
const teammate: Actor = { userId: 'user-teammate', role: 'seller', teamId: 'team-north' };
const manager: Actor = { userId: 'user-manager', role: 'manager', teamId: 'team-north' };
const admin: Actor = { userId: 'user-admin', role: 'admin', teamId: null };

type Case = [string, RecordType, AnyRecord, { owner: boolean; manager: boolean; admin: boolean }];
const everyone = { owner: true, manager: true, admin: true };
const noone = { owner: false, manager: false, admin: false };

const cases: Case[] = [
  ['an open lead', 'lead', chain.openLead, everyone],
  ['a disqualified lead', 'lead', chain.disqualifiedLead, everyone],
  ['an open opportunity', 'opportunity', chain.opportunity, { ...everyone, owner: false }],
  ['a draft quote', 'quote', chain.draftQuote, everyone],
  ['an active quote', 'quote', chain.activeQuote, noone],
  ['a won quote', 'quote', chain.wonQuote, noone],
  ['a closed quote', 'quote', chain.closedQuote, noone],
  ['an order', 'order', chain.order, noone],
  ['an issued invoice', 'invoice', chain.invoice, noone],
  ['a paid invoice', 'invoice', chain.paidInvoice, noone],
  ['a note', 'activity', chain.note, everyone],
  ['a system event', 'activity', chain.systemEvent, noone],
];

describe('the deletion table', () => {
  it.each(cases)('%s: who may delete it', (_name, type, record, who) => {
    expect(mayDelete(type, record, seller)).toBe(who.owner);
    expect(mayDelete(type, record, manager)).toBe(who.manager);
    expect(mayDelete(type, record, admin)).toBe(who.admin);
    // A seller who does not own the record never may.
    expect(mayDelete(type, record, teammate)).toBe(false);
  });

  it.each(cases)(
    '%s: validateChange accepts or refuses its tombstone alike',
    (_n, type, record, who) => {
      const verdict = validateChange(type, record, { ...record, _deleted: true }, seller);
      expect(errorCode(verdict)).toBe(who.owner ? 'ok' : 'change.illegal_deletion');
      if (!verdict.ok) {
        expect(verdict.error.field).toBe('_deleted');
        expect(verdict.error.message.en.length).toBeGreaterThan(10);
        expect(verdict.error.message.it).not.toBe(verdict.error.message.en);
      }
    },
  );

  it('names every state of every type with a lifecycle, and nothing else', () => {
    for (const type of recordTypes) {
      const states =
        type === 'activity'
          ? [...activityStates, 'system']
          : Object.keys(statusesByState[type] ?? { '*': [] });
      expect(Object.keys(deletionTable[type]).sort(), type).toEqual([...states].sort());
    }
    expect(Object.keys(deletionTable.invoice).sort()).toEqual([
      'active',
      'canceled',
      'issued',
      'paid',
    ]);
    for (const rule of Object.values(deletionTable.invoice)) expect(rule.delete).toEqual([]);
    for (const rule of Object.values(deletionTable.order)) expect(rule.delete).toEqual([]);
  });

  it('judges system events apart from other activities', () => {
    expect(deletionStateOf('activity', chain.systemEvent)).toBe('system');
    expect(deletionStateOf('activity', chain.note)).toBe(chain.note.state);
    expect(deletionStateOf('account', { name: 'Acme' })).toBe('*');
  });

  it('explains an invoice refusal with the credit note, in both languages', () => {
    const refused = checkDeletion('invoice', chain.paidInvoice, admin);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.message.en).toMatch(/credit note/);
      expect(refused.error.message.it).toMatch(/nota di credito/);
    }
  });
});

describe('creating and undoing tombstones', () => {
  const tombstone = <T extends AnyRecord>(r: T) => ({ ...r, _deleted: true });

  it('refuses a new document that arrives already deleted where the table says no', () => {
    expect(errorCode(validateChange('invoice', null, tombstone(chain.invoice), seller))).toBe(
      'change.illegal_deletion',
    );
    expect(errorCode(validateChange('lead', null, tombstone(chain.openLead), seller))).toBe('ok');
  });

  it('refuses a deletion whose content moved on to a state that forbids it', () => {
    const activated = { ...chain.activeQuote, id: chain.draftQuote.id, _deleted: true };
    const verdict = validateChange('quote', chain.draftQuote, activated, seller);
    expect(errorCode(verdict)).toBe('change.illegal_deletion');
  });

  it('undoes a deletion only where the table allows it', () => {
    const deletedLead = tombstone(chain.openLead);
    const revived = { ...chain.openLead, notes: 'still interested', _deleted: false };
    expect(errorCode(validateChange('lead', deletedLead, revived, seller))).toBe('ok');
    expect(mayUndelete('lead', deletedLead, revived, teammate)).toBe(false);
    // A tombstone of an invoice (written before these rules) never comes back.
    const deletedInvoice = tombstone(chain.invoice);
    expect(
      errorCode(
        validateChange('invoice', deletedInvoice, { ...chain.invoice, _deleted: false }, admin),
      ),
    ).toBe('change.illegal_deletion');
  });

  it('never brings back a record the office erased', () => {
    const erased = {
      ...chain.openLead,
      firstName: '',
      updatedBy: ERASURE_SIGNATURE,
      _deleted: true,
    };
    const revived = { ...chain.openLead, _deleted: false };
    const verdict = validateChange('lead', erased, revived, admin);
    expect(errorCode(verdict)).toBe('change.illegal_deletion');
    if (!verdict.ok) expect(verdict.error.message.en).toMatch(/erased/);
  });
});

describe('deleteRecord', () => {
  it('removes what the table allows and nothing else', () => {
    expect(unwrap(deleteRecord('lead', chain.openLead, seller))).toEqual({
      writes: [],
      removals: [{ type: 'lead', id: chain.openLead.id }],
    });
    expect(errorCode(deleteRecord('invoice', chain.invoice, seller))).toBe(
      'change.illegal_deletion',
    );
    expect(errorCode(deleteRecord('quote', chain.activeQuote, seller))).toBe(
      'change.illegal_deletion',
    );
  });
});
