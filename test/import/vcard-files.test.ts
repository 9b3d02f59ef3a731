// Every reference vCard export (../shared/refdata/vcard) read into lead fields.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFDATA } from '../documents/xmllint';
import { leadFieldsFromContact } from '../../shared/import/contact-lead';
import { parseVCards } from '../../shared/import/vcard';

// Real exports from phones, mail clients and address books (ez-vcard's test files).
const dir = path.join(REFDATA, 'vcard/ez-vcard');
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
const only = (name: string) => {
  const cards = parseVCards(read(name));
  expect(cards).toHaveLength(1);
  return leadFieldsFromContact(cards[0]!);
};

describe('vCard files', () => {
  it('reads every reference file into contacts with a name or an email', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.vcf'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const cards = parseVCards(read(file));
      expect(cards.length, file).toBeGreaterThan(0);
      for (const card of cards) {
        const lead = leadFieldsFromContact(card);
        const who = `${lead.firstName ?? ''}${lead.lastName ?? ''}${lead.email ?? ''}`;
        expect(who, file).not.toBe('');
        // Nothing of the raw syntax leaks into a field.
        expect(lead.lastName ?? '', file).not.toMatch(/=[0-9A-F]{2}|\\[,;]/);
        expect(lead.phone!.length).toBeLessThanOrEqual(40);
      }
    }
  });

  it('vCard 2.1 from Android: many contacts, quoted-printable UTF-8 with soft breaks', () => {
    const cards = parseVCards(read('John_Doe_ANDROID.vcf'));
    expect(cards.length).toBeGreaterThanOrEqual(4);
    expect(cards[0]!.emails).toEqual(['john.doe@company.com']);
    expect(cards[2]!.lastName).toBe('Ñ Ñ Ñ Ñ');
    expect(cards[3]!.lastName).toBe('Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ');
    const bob = leadFieldsFromContact(cards[4]!);
    expect(bob.email).toBe('bob@company.com');
    expect(bob.company).toBe('ÑÑÑÑÑÑÑÑÑÑÑÑ');
    expect(bob.mobile).toBe('123456');
    expect(bob.phone).toBe('123456');
  });

  it('vCard 2.1 from Outlook 2003 and 2007: bare parameters, QP notes, work address', () => {
    const outlook = only('outlook-2007.vcf');
    expect(outlook).toMatchObject({
      firstName: 'Michael',
      lastName: 'Angstadt',
      company: 'TheCompany',
      jobTitle: 'TheJobTitle',
      email: 'mike.angstadt@gmail.com',
      phone: '(111) 555-1111',
      mobile: '(111) 555-4444',
      website: 'http://mikeangstadt.name',
      address: { street: '222 Broadway, TheOffice', city: 'New York', province: 'NY' },
    });
    expect(outlook.notes).toContain('I assume it encodes this text inside a NOTE vCard type.');
    const old = only('outlook-2003.vcf');
    expect(old).toMatchObject({
      firstName: 'John',
      lastName: 'Doe',
      company: 'Company, The',
      email: 'jdoe@hotmail.com',
      mobile: 'MobilePhone',
      phone: 'BusinessPhone',
    });
    expect(old.notes).toBe(
      'This is the note field!!\r\nSecond line\r\n\r\nThird line is empty'.replace(/\r/g, ''),
    );
  });

  it('vCard 3.0 from iPhone, Evolution and Gmail: groups, folding, escapes', () => {
    expect(only('John_Doe_IPHONE.vcf')).toMatchObject({
      firstName: 'John',
      lastName: 'Doe',
      company: 'IBM',
      jobTitle: 'Money Counter',
      email: 'john.doe@ibm.com',
      mobile: '905-555-1234',
      phone: '905-777-1234',
      website: 'http://www.ibm.com',
      address: { street: 'Silicon Alley 5,', city: 'New York', postalCode: '12345' },
    });
    const evolution = only('John_Doe_EVOLUTION.vcf');
    expect(evolution).toMatchObject({
      email: 'john.doe@ibm.com',
      website: 'http://www.ibm.com',
      mobile: '905-666-1234',
      phone: '905-555-1234',
    });
    expect(evolution.notes).toContain('WARRANTIES, INCLUDING, BUT NOT LIMITED TO');
    expect(only('gmail-single2.vcf')).toMatchObject({
      firstName: 'VCard',
      lastName: 'Test',
      company: 'TheCompany',
      email: 'email@example.com',
      phone: '5555551113',
      website: 'http://www.example1.com',
    });
  });

  it('vCard 4.0: RFC 6350 example with tel: URIs and a folded address', () => {
    expect(only('rfc6350-example.vcf')).toMatchObject({
      firstName: 'Simon',
      lastName: 'Perreault',
      company: 'Viagenie',
      email: 'simon.perreault@viagenie.ca',
      phone: '+1-418-656-9254 ext. 102',
      mobile: '+1-418-262-6501',
      address: { street: '2875 Laurier, Suite D2-630', city: 'Quebec', postalCode: 'G1V 2M2' },
    });
    expect(only('fullcontact.vcf')).toMatchObject({
      firstName: 'FirstName',
      lastName: 'LastName',
      company: 'Organization1',
      jobTitle: 'Title1',
      email: 'home@example.com',
    });
  });

  it('a two-letter country becomes the ISO code; a spelled-out one is left out', () => {
    const [card] = parseVCards(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Rossi;Anna\r\nADR;TYPE=work:;;Via Roma 1;Padova;PD;35100;it\r\nEND:VCARD\r\n',
    );
    expect(leadFieldsFromContact(card!).address).toEqual({
      street: 'Via Roma 1',
      city: 'Padova',
      province: 'PD',
      postalCode: '35100',
      country: 'IT',
    });
    expect(only('outlook-2007.vcf').address?.country).toBeUndefined();
  });
});
