import { describe, expect, it } from 'vitest';
import { readBadge } from './badge';
import { parseMeCard } from './mecard';

describe('MeCard', () => {
  it('reads name, company, phone, email and escaped separators', () => {
    const card = parseMeCard(
      'MECARD:N:Rossi,Anna;ORG:Officine\\; Brenta;TEL:+39 049 123456;EMAIL:anna@brenta.it;URL:https\\://brenta.it;NOTE:Stand B12;;',
    );
    expect(card).toMatchObject({
      firstName: 'Anna',
      lastName: 'Rossi',
      company: 'Officine; Brenta',
      emails: ['anna@brenta.it'],
      phones: [{ number: '+39 049 123456' }],
      urls: ['https://brenta.it'],
      notes: ['Stand B12'],
    });
  });

  it('is not confused with other text', () => {
    expect(parseMeCard('BEGIN:VCARD')).toBeNull();
  });
});

describe('badge payloads', () => {
  it('maps a vCard badge to lead fields', () => {
    const reading = readBadge(
      'BEGIN:VCARD\nVERSION:3.0\nN:Bianchi;Luca\nORG:Acme S.p.A.\nEMAIL:luca@acme.it\nTEL;TYPE=cell:+39 333 1\nEND:VCARD',
    );
    expect(reading.kind).toBe('vcard');
    expect(reading.fields).toMatchObject({
      firstName: 'Luca',
      lastName: 'Bianchi',
      company: 'Acme S.p.A.',
      email: 'luca@acme.it',
      mobile: '+39 333 1',
    });
  });

  it('maps a MeCard, an email, a URL; keeps an unknown code raw', () => {
    expect(readBadge('MECARD:N:Verdi,Giulia;;').fields).toMatchObject({ lastName: 'Verdi' });
    expect(readBadge('mailto:g@x.it').fields).toEqual({ email: 'g@x.it' });
    expect(readBadge('https://fair.example/v/123').fields).toEqual({
      website: 'https://fair.example/v/123',
    });
    const unknown = readBadge('  EVT-2026-000123 ');
    expect(unknown).toEqual({
      kind: 'text',
      raw: 'EVT-2026-000123',
      fields: { notes: 'Badge: EVT-2026-000123' },
    });
  });
});
