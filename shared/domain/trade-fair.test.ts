import { describe, expect, it } from 'vitest';
import type { FairQuestion, TradeFair } from './records';
import { answerMatches, fairsForPicker, parseQuestionList } from './trade-fair';

const q = (kind: FairQuestion['kind'], options: string[] = []): FairQuestion => ({
  id: 'q',
  kind,
  label: 'Q',
  options,
});

describe('trade fair rules', () => {
  it('reads questions typed on one line, and says which part it cannot read', () => {
    const parsed = parseQuestionList(
      'yes_no Interested?; one_choice Budget = <10k | >10k ; text Notes',
    );
    expect(parsed).toEqual({
      ok: true,
      value: [
        { kind: 'yes_no', label: 'Interested?', options: [] },
        { kind: 'one_choice', label: 'Budget', options: ['<10k', '>10k'] },
        { kind: 'text', label: 'Notes', options: [] },
      ],
    });
    const bad = parseQuestionList('yes_no Fine; perhaps Budget');
    expect(bad.ok ? '' : bad.error.message.en).toMatch(/"perhaps Budget" is not a question/);
  });

  it('matches answers against the lead list filter, kind by kind', () => {
    const a = (value: FairQuestion['options'] | string | number | boolean) => [
      { questionId: 'q', value },
    ];
    expect(answerMatches(q('yes_no'), a(true), 'yes')).toBe(true);
    expect(answerMatches(q('yes_no'), a(false), 'yes')).toBe(false);
    expect(answerMatches(q('yes_no'), a(false), 'no')).toBe(true);
    expect(answerMatches(q('number'), a(40), '25')).toBe(true);
    expect(answerMatches(q('number'), a(10), '25')).toBe(false);
    expect(answerMatches(q('one_choice', ['A', 'B']), a('B'), 'b')).toBe(true);
    expect(answerMatches(q('several_choices', ['A', 'B']), a(['A', 'B']), 'B')).toBe(true);
    expect(answerMatches(q('several_choices', ['A', 'B']), a(['A']), 'B')).toBe(false);
    expect(answerMatches(q('text'), a('Next spring'), 'spring')).toBe(true);
    // No answer never matches; an empty filter matches every answer.
    expect(answerMatches(q('text'), [], '')).toBe(false);
    expect(answerMatches(q('text'), a('x'), '')).toBe(true);
  });

  it('lists running fairs first, then coming ones, then past ones', () => {
    const fair = (name: string, startDate: string, endDate: string) =>
      ({ name, startDate, endDate }) as TradeFair;
    const ordered = fairsForPicker(
      [
        fair('Past', '2026-01-10', '2026-01-12'),
        fair('Later', '2026-12-10', '2026-12-12'),
        fair('Soon', '2026-11-20', '2026-11-21'),
        fair('Now', '2026-11-10', '2026-11-16'),
      ],
      '2026-11-15',
    );
    expect(ordered.map((f) => f.name)).toEqual(['Now', 'Soon', 'Later', 'Past']);
  });
});
