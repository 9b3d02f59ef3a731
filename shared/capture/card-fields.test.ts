import { describe, expect, it } from 'vitest';
import type { CardFields } from './card-fields';
import { extractCardFields } from './card-fields';

type Case = { name: string; text: string; expect: Partial<CardFields> };

const cases: Case[] = [
  {
    name: 'Italian card, labelled numbers',
    text: `Marco Bianchi
Responsabile Commerciale
Bianchi Valvole S.r.l.
Via Roma 12, 20121 Milano (MI)
Tel. +39 02 1234567
Cell. +39 333 1234567
marco.bianchi@bianchivalvole.it
www.bianchivalvole.it`,
    expect: {
      firstName: 'Marco',
      lastName: 'Bianchi',
      jobTitle: 'Responsabile Commerciale',
      company: 'Bianchi Valvole S.r.l.',
      phone: '+39 02 1234567',
      mobile: '+39 333 1234567',
      email: 'marco.bianchi@bianchivalvole.it',
      website: 'www.bianchivalvole.it',
      address: {
        street: 'Via Roma 12',
        postalCode: '20121',
        city: 'Milano',
        province: 'MI',
        country: 'IT',
      },
    },
  },
  {
    name: 'English card, company first',
    text: `ACME WIDGETS LTD
Sarah Johnson
Sales Director
12 High Street
London EC1A 1BB
United Kingdom
T +44 20 7946 0958
M +44 7700 900123
sarah.johnson@acmewidgets.co.uk
acmewidgets.co.uk`,
    expect: {
      firstName: 'Sarah',
      lastName: 'Johnson',
      jobTitle: 'Sales Director',
      company: 'ACME WIDGETS LTD',
      phone: '+44 20 7946 0958',
      mobile: '+44 7700 900123',
      email: 'sarah.johnson@acmewidgets.co.uk',
      website: 'acmewidgets.co.uk',
      address: { street: '12 High Street', postalCode: 'EC1A 1BB', city: 'London', country: 'GB' },
    },
  },
  {
    name: 'unlabelled Italian mobile and landline',
    text: `Giulia Rossi
Export Manager
Rossi Tessuti SpA
Corso Vittorio Emanuele 45
10121 Torino TO
011 5551234
347 9876543
g.rossi@rossitessuti.com`,
    expect: {
      firstName: 'Giulia',
      lastName: 'Rossi',
      company: 'Rossi Tessuti SpA',
      jobTitle: 'Export Manager',
      phone: '011 5551234',
      mobile: '347 9876543',
      address: {
        street: 'Corso Vittorio Emanuele 45',
        postalCode: '10121',
        city: 'Torino',
        province: 'TO',
        country: 'IT',
      },
    },
  },
  {
    name: 'honorific and a surname particle',
    text: `Dott.ssa Anna De Luca
Direttore Acquisti
Farmaceutica Sud S.p.A.
anna.deluca@farmasud.it
Tel: 081 7654321`,
    expect: {
      firstName: 'Anna',
      lastName: 'De Luca',
      jobTitle: 'Direttore Acquisti',
      company: 'Farmaceutica Sud S.p.A.',
      phone: '081 7654321',
    },
  },
  {
    name: 'two numbers on one line',
    text: `Luca Ferri
Ferri Impianti Srl
T +39 051 223344 - M +39 335 667788
info@ferriimpianti.it`,
    expect: {
      phone: '+39 051 223344',
      mobile: '+39 335 667788',
      company: 'Ferri Impianti Srl',
      firstName: 'Luca',
    },
  },
  {
    name: 'fax is not a phone',
    text: `Paolo Conti
Conti & Figli S.n.c.
Tel 0422 111222
Fax 0422 111333
paolo@contiefigli.it`,
    expect: { phone: '0422 111222', mobile: '', company: 'Conti & Figli S.n.c.' },
  },
  {
    name: 'upper-case name',
    text: `MARIA VERDI
Marketing Specialist
verdi@brightlabs.io
Bright Labs Inc.
+1 415 555 0134`,
    expect: {
      firstName: 'Maria',
      lastName: 'Verdi',
      company: 'Bright Labs Inc.',
      jobTitle: 'Marketing Specialist',
      phone: '+1 415 555 0134',
    },
  },
  {
    name: 'company from the e-mail domain',
    text: `Roberto Gallo
Titolare
Gallotech
roberto@gallotech.it
333 4445556`,
    expect: {
      company: 'Gallotech',
      jobTitle: 'Titolare',
      mobile: '333 4445556',
      lastName: 'Gallo',
    },
  },
  {
    name: 'website with https',
    text: `James O'Brien
Chief Technology Officer
Northwind Group
https://www.northwind.com
james@northwind.com`,
    expect: {
      firstName: 'James',
      lastName: "O'Brien",
      website: 'www.northwind.com',
      company: 'Northwind Group',
      jobTitle: 'Chief Technology Officer',
    },
  },
  {
    name: 'piazza address with postal code on the same line',
    text: `Chiara Moretti
Architetto
Studio Moretti
Piazza Duomo 3 - 50122 Firenze (FI)
chiara@studiomoretti.it`,
    expect: {
      address: {
        street: 'Piazza Duomo 3',
        postalCode: '50122',
        city: 'Firenze',
        province: 'FI',
        country: 'IT',
      },
      company: 'Studio Moretti',
    },
  },
  {
    name: 'OCR spaces around the at sign',
    text: `Elena Sala
Sala Arredi S.r.l.
elena.sala @ salaarredi.it
Cell 339 1112223`,
    expect: { email: 'elena.sala@salaarredi.it', mobile: '339 1112223' },
  },
  {
    name: 'email with capitals',
    text: `Tom Baker
Account Executive
Tom.Baker@Contoso.COM
Contoso Ltd`,
    expect: {
      email: 'tom.baker@contoso.com',
      company: 'Contoso Ltd',
      jobTitle: 'Account Executive',
    },
  },
  {
    name: 'dotted phone numbers',
    text: `Franco Neri
Neri Meccanica S.r.l.
Tel. 02.33445566
Mob. 340.1234567`,
    expect: { phone: '02 33445566', mobile: '340 1234567' },
  },
  {
    name: 'international 0039 prefix',
    text: `Silvia Costa
Buyer
Costa Alimentari SpA
0039 045 8001122
s.costa@costaalimentari.it`,
    expect: { phone: '0039 045 8001122', jobTitle: 'Buyer' },
  },
  {
    name: 'Italia as its own line',
    text: `Davide Romano
Romano Group
Viale Europa 100
00144 Roma RM
Italia
davide@romanogroup.it`,
    expect: {
      address: {
        street: 'Viale Europa 100',
        postalCode: '00144',
        city: 'Roma',
        province: 'RM',
        country: 'IT',
      },
    },
  },
  {
    name: 'only a name and an e-mail',
    text: `Laura Fontana
laura.fontana@gmail.com`,
    expect: {
      firstName: 'Laura',
      lastName: 'Fontana',
      email: 'laura.fontana@gmail.com',
      company: '',
    },
  },
  {
    name: 'English engineer with direct line',
    text: `Peter Smith
Senior Engineer
Direct +44 161 496 0000
peter.smith@apexengineering.com
Apex Engineering Limited
www.apexengineering.com`,
    expect: {
      phone: '+44 161 496 0000',
      company: 'Apex Engineering Limited',
      jobTitle: 'Senior Engineer',
      website: 'www.apexengineering.com',
    },
  },
  {
    name: 'a title with no keyword sits under the name',
    text: `Alessandro Riva
Sommelier
Cantina Riva
alessandro@cantinariva.it`,
    expect: { jobTitle: 'Sommelier', company: 'Cantina Riva', firstName: 'Alessandro' },
  },
  {
    name: 'noise characters from OCR',
    text: `| Federica Marino |
Amministratore Delegato
Marino Logistica S.r.l.
federica.marino@marinologistica.it
+39 010 5566778`,
    expect: {
      firstName: 'Federica',
      lastName: 'Marino',
      jobTitle: 'Amministratore Delegato',
      phone: '+39 010 5566778',
    },
  },
  {
    name: 'German GmbH card in English',
    text: `Klaus Weber
Head of Sales
Weber Maschinen GmbH
k.weber@weber-maschinen.de
+49 89 1234 5678`,
    expect: {
      company: 'Weber Maschinen GmbH',
      jobTitle: 'Head of Sales',
      email: 'k.weber@weber-maschinen.de',
      phone: '+49 89 1234 5678',
    },
  },
  {
    name: 'three given names and parenthesised labels',
    text: `Maria Grazia Lombardi
Consulente Tecnico
Tel (+39) 02 9988776
maria.lombardi@lombardiconsulting.it
Lombardi Consulting`,
    expect: {
      firstName: 'Maria Grazia',
      lastName: 'Lombardi',
      company: 'Lombardi Consulting',
      jobTitle: 'Consulente Tecnico',
    },
  },
  {
    name: 'two columns read as one line, legal form on its own line',
    text: `Meccanica Lombarda
S.r.l.
Tel. +39 02 4000021
Silvia Romano Cell. +39 335 4000042
Ufficio Acquisti silvia.romano@meccanicalombarda.it
www.meccanicalombarda.it`,
    expect: {
      firstName: 'Silvia',
      lastName: 'Romano',
      company: 'Meccanica Lombarda S.r.l.',
      jobTitle: 'Ufficio Acquisti',
      mobile: '+39 335 4000042',
      email: 'silvia.romano@meccanicalombarda.it',
    },
  },
  {
    name: 'empty text',
    text: '',
    expect: { firstName: '', lastName: '', email: '', phone: '', address: {} },
  },
];

describe('extractCardFields', () => {
  it('has at least twenty varied cards', () => expect(cases.length).toBeGreaterThanOrEqual(20));
  for (const c of cases) {
    it(c.name, () => {
      expect(extractCardFields(c.text)).toMatchObject(c.expect);
    });
  }
});
