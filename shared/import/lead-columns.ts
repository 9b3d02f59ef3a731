// The column-mapping step of a lead import: which lead field each spreadsheet column fills.
// Recognises the lead export headers of Dynamics 365 (display and logical names) and of
// Salesforce (report labels and API names), plus plain English and Italian headers.
import { normalizeText } from '../domain/search';

export const leadImportFields = [
  'firstName',
  'lastName',
  'fullName',
  'company',
  'jobTitle',
  'email',
  'phone',
  'mobile',
  'website',
  'street',
  'city',
  'postalCode',
  'province',
  'country',
  'vatNumber',
  'topic',
  'notes',
  'rating',
  'budget',
  'consent',
] as const;
export type LeadImportField = (typeof leadImportFields)[number];

/** One entry per column: the field it fills, or null to leave it out. */
export type ColumnMapping = (LeadImportField | null)[];

export type HeaderFormat = 'd365' | 'salesforce' | 'generic';

/** "ZIP/Postal Code" → "zippostalcode": headers compared without case, accents or signs. */
export const headerKey = (header: string): string =>
  normalizeText(header).replace(/[^a-z0-9]/g, '');

const synonyms: Record<LeadImportField, readonly string[]> = {
  firstName: ['first name', 'firstname', 'given name', 'nome'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'cognome'],
  fullName: ['name', 'full name', 'fullname', 'contact name', 'nome completo', 'nominativo'],
  company: [
    'company name',
    'companyname',
    'company',
    'organization',
    'organisation',
    'account name',
    'azienda',
    'societa',
    'ragione sociale',
  ],
  jobTitle: ['job title', 'jobtitle', 'title', 'position', 'ruolo', 'qualifica'],
  email: ['email', 'e-mail', 'emailaddress1', 'email address', 'e mail', 'posta elettronica'],
  phone: [
    'business phone',
    'telephone1',
    'phone',
    'work phone',
    'main phone',
    'telefono',
    'telefono ufficio',
  ],
  mobile: ['mobile phone', 'mobilephone', 'mobile', 'cell', 'cellulare'],
  website: ['website', 'websiteurl', 'web site', 'url', 'sito web', 'sito'],
  street: ['street 1', 'address1 line1', 'street', 'address', 'indirizzo', 'via'],
  city: ['city', 'address1 city', 'citta', 'comune', 'localita'],
  postalCode: [
    'zip/postal code',
    'address1 postalcode',
    'postalcode',
    'postal code',
    'zip',
    'zip code',
    'cap',
  ],
  province: [
    'state/province',
    'address1 stateorprovince',
    'state',
    'province',
    'region',
    'provincia',
  ],
  country: ['country/region', 'address1 country', 'country', 'countrycode', 'paese', 'nazione'],
  vatNumber: ['vat number', 'vat', 'vat id', 'partita iva', 'p iva', 'piva'],
  topic: ['topic', 'subject', 'argomento', 'oggetto'],
  notes: ['description', 'notes', 'note', 'comments', 'descrizione'],
  rating: ['rating', 'leadqualitycode', 'valutazione'],
  budget: ['budget amount', 'budgetamount', 'budget', 'annual revenue'],
  consent: ['consent', 'marketing consent', 'consenso', 'consenso marketing', 'privacy'],
};

const byKey = new Map<string, LeadImportField>();
for (const field of leadImportFields) {
  for (const name of synonyms[field])
    if (!byKey.has(headerKey(name))) byKey.set(headerKey(name), field);
}

// Headers only one of the two exports writes.
const d365Markers = ['donotmodifylead', 'companyname', 'businessphone', 'emailaddress1', 'topic'];
const salesforceMarkers = ['leadid', 'leadstatus', 'leadsource', 'leadowner', 'mobilephone'];

export const detectHeaderFormat = (headers: readonly string[]): HeaderFormat => {
  const keys = new Set(headers.map(headerKey));
  const d365 = d365Markers.filter((m) => keys.has(m)).length;
  const salesforce = salesforceMarkers.filter((m) => keys.has(m)).length;
  if (d365 === 0 && salesforce === 0) return 'generic';
  return d365 >= salesforce ? 'd365' : 'salesforce';
};

/** A mapping guessed from the headers; each field is filled by its first matching column. */
export const guessMapping = (headers: readonly string[]): ColumnMapping => {
  const used = new Set<LeadImportField>();
  return headers.map((header) => {
    const field = byKey.get(headerKey(header)) ?? null;
    if (field === null || used.has(field)) return null;
    used.add(field);
    return field;
  });
};

/** The key under which a mapping is remembered: the same headers get the same mapping. */
export const mappingKey = (headers: readonly string[]): string => headers.map(headerKey).join('|');

/** A remembered mapping, used only if it still fits the file's columns. */
export const restoreMapping = (
  headers: readonly string[],
  saved: unknown,
): ColumnMapping | null => {
  if (!Array.isArray(saved) || saved.length !== headers.length) return null;
  const fields = new Set<string>(leadImportFields);
  const ok = saved.every((f) => f === null || (typeof f === 'string' && fields.has(f)));
  return ok ? (saved as ColumnMapping) : null;
};
