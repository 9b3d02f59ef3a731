import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_SEARCH_TERMS,
  matchesSearch,
  normalizeText,
  queryWords,
  searchTermsForAccount,
  searchTermsForContact,
  searchTermsForLead,
  searchTermsForOpportunity,
} from './search';

const lead = {
  firstName: 'Niccolò',
  lastName: "D'Angelo",
  company: 'Società Agricola Él Çampo',
  email: 'N.DAngelo@Agricola.IT',
  phone: '+39 02 1234 5678',
  mobile: '',
};

describe('normalizeText', () => {
  it('lower-cases, removes accents and collapses spaces', () => {
    expect(normalizeText('  Società   PERÒ Ñandú ')).toBe('societa pero nandu');
  });

  it('is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
      }),
    );
  });
});

describe('search terms', () => {
  it('keeps name, company, whole email, its local part and phone digits', () => {
    expect(searchTermsForLead(lead)).toEqual([
      'niccolo',
      'd',
      'angelo',
      'societa',
      'agricola',
      'el',
      'campo',
      'n.dangelo@agricola.it',
      'n.dangelo',
      'n',
      'dangelo',
      '390212345678',
      '0212345678',
    ]);
  });

  it('builds terms for accounts, contacts and opportunities', () => {
    expect(
      searchTermsForAccount({
        name: 'Acme S.p.A.',
        email: '',
        phone: '0039 011 55',
        vatNumber: 'IT0123',
      }),
    ).toEqual(['acme', 's', 'p', 'a', '003901155', '01155', 'it0123']);
    expect(
      searchTermsForContact({
        firstName: 'Anna',
        lastName: 'Bruni',
        email: 'x',
        phone: '12',
        mobile: '333 1',
      }),
    ).toEqual(['anna', 'bruni', 'x', '3331']);
    expect(searchTermsForOpportunity({ topic: 'Linea Vini', number: '' })).toEqual([
      'linea',
      'vini',
    ]);
  });

  it('keeps at most 40 unique terms of at most 100 characters (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 300 }), { minLength: 6, maxLength: 6 }),
        ([a, b, c, d, e, f]) => {
          const terms = searchTermsForLead({
            firstName: a ?? '',
            lastName: b ?? '',
            company: c ?? '',
            email: d ?? '',
            phone: e ?? '',
            mobile: f ?? '',
          });
          expect(terms.length).toBeLessThanOrEqual(MAX_SEARCH_TERMS);
          expect(new Set(terms).size).toBe(terms.length);
          for (const t of terms) expect(t.length).toBeLessThanOrEqual(100);
        },
      ),
    );
    const many = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ');
    expect(searchTermsForOpportunity({ topic: many, number: '' })).toHaveLength(40);
  });
});

describe('matchesSearch', () => {
  const terms = searchTermsForLead(lead);

  it('matches word prefixes in any order, ignoring case and accents', () => {
    expect(matchesSearch(terms, 'nicc')).toBe(true);
    expect(matchesSearch(terms, 'SOCIETÀ nicc')).toBe(true);
    expect(matchesSearch(terms, 'angel')).toBe(true);
    expect(matchesSearch(terms, 'nicc verdi')).toBe(false);
    expect(matchesSearch(terms, '')).toBe(true);
  });

  it('matches an email address and phone numbers as typed', () => {
    expect(matchesSearch(terms, 'n.dangelo@agri')).toBe(true);
    expect(matchesSearch(terms, 'dangelo@')).toBe(true);
    expect(matchesSearch(terms, 'x@agricola.it')).toBe(false);
    expect(matchesSearch(terms, '02 1234')).toBe(true);
    expect(matchesSearch(terms, '+39 02-1234')).toBe(true);
    expect(matchesSearch(terms, '5678')).toBe(false);
    expect(queryWords('02 12')).toEqual(['0212']);
  });

  it('finds every record by any prefix of any of its words (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-zà-ÿ]{1,12}$/), { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.nat(),
        (names, pick, cut) => {
          const topic = names.join(' ');
          const opportunityTerms = searchTermsForOpportunity({ topic, number: '' });
          const word = normalizeText(names[pick % names.length] ?? '');
          const prefix = word.slice(0, 1 + (cut % word.length));
          expect(matchesSearch(opportunityTerms, prefix.toUpperCase())).toBe(true);
        },
      ),
    );
  });
});
