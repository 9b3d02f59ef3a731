// Word lists for plausible Italian and international sales data, accents included
// (search must find "Nicolò" by typing "nicolo").

export type Country = 'IT' | 'DE' | 'FR' | 'ES' | 'PL' | 'AT' | 'CH' | 'US' | 'GB';

export const italianFirstNames = [
  'Anna',
  'Marco',
  'Giulia',
  'Luca',
  'Francesca',
  'Nicolò',
  'Chiara',
  'Matteo',
  'Sara',
  'Andrea',
  'Elena',
  'Davide',
  'Martina',
  'Lorenzo',
  'Alessia',
  'Giovanni',
  'Federica',
  'Stefano',
  'Valentina',
  'Simone',
  'Ilaria',
  'Niccolò',
  'Beatrice',
  'Gabriele',
  'Noemi',
  'Mattia',
  'Paola',
  'Riccardo',
  'Silvia',
  'Tommaso',
] as const;

export const italianLastNames = [
  'Rossi',
  'Bianchi',
  'Romano',
  'Colombo',
  'Ricci',
  'Marino',
  'Greco',
  'Bruno',
  'Gallo',
  'Conti',
  'De Luca',
  'Mancini',
  'Costa',
  'Giordano',
  'Rizzo',
  'Lombardi',
  'Moretti',
  'Barbieri',
  'Fontana',
  'Santoro',
  'Mariani',
  'Rinaldi',
  'Caruso',
  'Ferrara',
  'Galli',
  'Martinelli',
  'Leone',
  'Longo',
  "D'Angelo",
  'Esposito',
  'Cantù',
  'Pavanello',
  'Zanè',
] as const;

/** Names per foreign country: [first names, last names]. */
export const foreignNames: Readonly<Record<Exclude<Country, 'IT'>, readonly [string[], string[]]>> =
  {
    DE: [
      ['Jürgen', 'Lena', 'Lukas', 'Sören', 'Anja', 'Björn', 'Käthe', 'Maximilian'],
      ['Müller', 'Schäfer', 'Schröder', 'Weiß', 'Groß', 'Köhler', 'Hoffmann', 'Krüger'],
    ],
    FR: [
      ['Hélène', 'François', 'Amélie', 'Jérôme', 'Loïc', 'Zoë', 'Céline', 'Mathéo'],
      ['Lefèvre', 'Girard', 'Dubois', 'Bénard', 'Moreau', 'Fournier', 'Mercier', 'Rousseau'],
    ],
    ES: [
      ['José', 'María', 'Ángel', 'Lucía', 'Iñaki', 'Sofía', 'Raúl', 'Begoña'],
      ['García', 'Martínez', 'Pérez', 'Sánchez', 'Gómez', 'Muñoz', 'Núñez', 'Jiménez'],
    ],
    PL: [
      ['Łukasz', 'Agnieszka', 'Paweł', 'Małgorzata', 'Wojciech', 'Zofia', 'Michał', 'Ewa'],
      ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowska', 'Zieliński'],
    ],
    AT: [
      ['Florian', 'Johanna', 'Stefan', 'Ulrike', 'Tobias', 'Theresa'],
      ['Gruber', 'Huber', 'Bauer', 'Wagner', 'Pichler', 'Steiner', 'Mösl'],
    ],
    CH: [
      ['Reto', 'Seraina', 'Urs', 'Corinne', 'Beat', 'Noémie'],
      ['Meier', 'Keller', 'Brunner', 'Zürcher', 'Baumann', 'Frei'],
    ],
    US: [
      ['Emily', 'Michael', 'Olivia', 'James', 'Sophia', 'Daniel', 'Chloé', 'Ethan'],
      ['Smith', 'Johnson', 'Williams', 'Brown', 'Miller', 'Davis', "O'Connor", 'Garcia'],
    ],
    GB: [
      ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Freya'],
      ['Taylor', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Walker'],
    ],
  };

export const cities: Readonly<Record<Country, readonly (readonly [string, string, string])[]>> = {
  // [city, postal code, province or region]
  IT: [
    ['Milano', '20121', 'MI'],
    ['Torino', '10121', 'TO'],
    ['Bologna', '40121', 'BO'],
    ['Verona', '37121', 'VR'],
    ['Brescia', '25121', 'BS'],
    ['Bergamo', '24121', 'BG'],
    ['Padova', '35121', 'PD'],
    ['Parma', '43121', 'PR'],
    ['Forlì', '47121', 'FC'],
    ['Cantù', '22063', 'CO'],
    ['Napoli', '80121', 'NA'],
    ['Bari', '70121', 'BA'],
    ['Firenze', '50121', 'FI'],
    ['Treviso', '31100', 'TV'],
  ],
  DE: [
    ['München', '80331', 'BY'],
    ['Köln', '50667', 'NW'],
    ['Stuttgart', '70173', 'BW'],
    ['Düsseldorf', '40213', 'NW'],
  ],
  FR: [
    ['Lyon', '69001', 'ARA'],
    ['Besançon', '25000', 'BFC'],
    ['Paris', '75001', 'IDF'],
  ],
  ES: [
    ['Barcelona', '08001', 'CT'],
    ['Málaga', '29001', 'AN'],
    ['Bilbao', '48001', 'PV'],
  ],
  PL: [
    ['Kraków', '30-001', 'MA'],
    ['Łódź', '90-001', 'LD'],
    ['Poznań', '60-001', 'WP'],
  ],
  AT: [
    ['Wien', '1010', 'W'],
    ['Linz', '4020', 'OÖ'],
  ],
  CH: [
    ['Zürich', '8001', 'ZH'],
    ['Lugano', '6900', 'TI'],
  ],
  US: [
    ['Chicago', '60601', 'IL'],
    ['Houston', '77002', 'TX'],
  ],
  GB: [
    ['Manchester', 'M1 1AE', 'ENG'],
    ['Leeds', 'LS1 1UR', 'ENG'],
  ],
};

export const streets: Readonly<Record<Country, readonly string[]>> = {
  IT: ['Via Roma', 'Corso Italia', 'Via Garibaldi', "Viale dell'Industria", 'Via dei Mille'],
  DE: ['Hauptstraße', 'Industriestraße', 'Schillerstraße'],
  FR: ['Rue de la République', 'Avenue Jean-Jaurès', 'Rue du Général-Leclerc'],
  ES: ['Calle Mayor', 'Avenida de la Constitución', 'Calle de Alcalá'],
  PL: ['ul. Długa', 'ul. Piłsudskiego', 'ul. Słoneczna'],
  AT: ['Mariahilfer Straße', 'Landstraße'],
  CH: ['Bahnhofstrasse', 'Via Nassa'],
  US: ['Main Street', 'Industrial Parkway'],
  GB: ['High Street', 'Station Road'],
};

/** Company name patterns per country: [prefixes, suffixes]. */
export const companyForms: Readonly<Record<Country, readonly [string[], string[]]>> = {
  IT: [
    ['Officine Meccaniche', 'Industrie', 'Costruzioni', 'Automazioni', 'Forniture Ufficio', ''],
    ['S.r.l.', 'S.p.A.', 'S.n.c.', '& Figli S.r.l.'],
  ],
  DE: [
    ['Maschinenbau', 'Antriebstechnik', 'Bürobedarf', ''],
    ['GmbH', 'AG', 'GmbH & Co. KG'],
  ],
  FR: [
    ['Ateliers', 'Industries', 'Équipements', ''],
    ['SARL', 'SAS', 'S.A.'],
  ],
  ES: [
    ['Talleres', 'Suministros Industriales', 'Automatización', ''],
    ['S.L.', 'S.A.'],
  ],
  PL: [
    ['Zakłady Mechaniczne', 'Automatyka', ''],
    ['Sp. z o.o.', 'S.A.'],
  ],
  AT: [
    ['Anlagenbau', 'Industrietechnik', ''],
    ['GmbH', 'AG'],
  ],
  CH: [
    ['Präzisionstechnik', 'Automation', ''],
    ['AG', 'SA', 'GmbH'],
  ],
  US: [
    ['Industrial Supply', 'Automation', 'Manufacturing', ''],
    ['Inc.', 'LLC', 'Corp.'],
  ],
  GB: [
    ['Engineering', 'Industrial Supplies', ''],
    ['Ltd', 'PLC'],
  ],
};

/** Extra well-known-sounding names, accents included. */
export const brandCompanies: readonly (readonly [string, Country])[] = [
  ['Citroën Utilitaires Lyon', 'FR'],
  ['Nestlé Waters Logistique', 'FR'],
  ['Müller & Söhne Präzisionsteile', 'DE'],
  ['Caffè Pedrocchi Forniture', 'IT'],
  ['Società Agricola Val d’Orcia', 'IT'],
  ['Łódź Tool Works', 'PL'],
  ['Ferretería José Núñez', 'ES'],
];

export const industries = [
  'Machinery',
  'Automotive',
  'Food & Beverage',
  'Packaging',
  'Hospitality',
  'Logistics',
  'Office Services',
  'Construction',
  'Energy',
  'Pharmaceuticals',
  'Retail',
] as const;

export const jobTitles = [
  'Responsabile Acquisti',
  'Direttore Tecnico',
  'Amministratore Delegato',
  'Ufficio Acquisti',
  'Responsabile di Produzione',
  'Facility Manager',
  'Purchasing Manager',
  'Plant Manager',
  'Einkaufsleiter',
  'Directeur des Achats',
  'Jefe de Compras',
  'Kierownik Zakupów',
  'Operations Director',
] as const;

/** Trade fairs where leads are captured (source detail of trade-fair leads). */
export const tradeFairs = [
  'SPS Italia 2026',
  'Host Milano 2025',
  'EIMA International 2026',
  'MECSPE Bologna 2026',
  'Ipack-Ima 2025',
  'Hannover Messe 2026',
  'Orgatec Köln 2026',
  'Salone del Mobile.Milano 2026',
  'Cibus Parma 2026',
  'SIAL Paris 2026',
] as const;

export const webSources = [
  'Modulo contatti sito',
  'Richiesta preventivo online',
  'Webinar automazione',
  'LinkedIn Ads',
] as const;

export const competitors = [
  'Würth',
  'RS Components',
  'Manutan',
  'Fabory',
  'Lyreco',
  'Kaiser+Kraft',
  'Distributore locale',
] as const;

export const needs = [
  'Rinnovo del magazzino con scaffalature e transpallet.',
  'Arredo per il nuovo ufficio tecnico (12 postazioni).',
  'Sostituzione dei sensori sulla linea di confezionamento.',
  'Fornitura annuale di DPI e materiale di consumo.',
  'Upgrade dei quadri elettrici e dei PLC di due linee.',
  'New warehouse racking and safety equipment.',
  'Ergonomic chairs and desks for a call centre.',
] as const;

export const consentWordings = {
  it: 'Acconsento al trattamento dei miei dati personali ai sensi del Regolamento (UE) 2016/679 per essere ricontattato a fini commerciali.',
  en: 'I agree to the processing of my personal data under Regulation (EU) 2016/679 so that I can be contacted for commercial purposes.',
} as const;
