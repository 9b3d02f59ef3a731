// The opt-in page's words in Italian and English, and the consent wording: the company's own
// (reference data kind `company`, when the office has set it) or a neutral text.
import { derivedId } from '../../../shared/domain/ids';
import type { Locale } from '../../../shared/domain/errors';
import type { Storage } from '../storage/types';

export const pageTexts = {
  en: {
    title: 'Keep in touch',
    intro: 'Leave your details and we will get back to you.',
    firstName: 'First name',
    lastName: 'Last name',
    company: 'Company',
    email: 'Email',
    phone: 'Phone',
    message: 'How can we help?',
    consentHeading: 'Consent',
    submit: 'Send',
    required: 'required',
    thanksTitle: 'Thank you',
    thanks: 'We have your details and will be in touch soon.',
    otherLanguage: 'Italiano',
    honeypot: 'Leave this field empty',
    errors: {
      consent: 'Please tick the consent box: without it we cannot keep your details.',
      email: 'Please enter your email address.',
      emailInvalid: 'This email address does not look right: please check it.',
      name: 'Please enter your name or your company.',
      tooLong: 'One of the fields is too long; please shorten it.',
      tooMany: 'Too many submissions from your network. Please try again in a few minutes.',
      changed: 'The consent text has just changed: please read it and tick the box again.',
      unavailable: 'This form is not available yet. Please try again later.',
    },
    websiteEnquiry: 'Website enquiry',
  },
  it: {
    title: 'Restiamo in contatto',
    intro: 'Lascia i tuoi dati e ti ricontatteremo.',
    firstName: 'Nome',
    lastName: 'Cognome',
    company: 'Azienda',
    email: 'Email',
    phone: 'Telefono',
    message: 'Come possiamo aiutarti?',
    consentHeading: 'Consenso',
    submit: 'Invia',
    required: 'obbligatorio',
    thanksTitle: 'Grazie',
    thanks: 'Abbiamo ricevuto i tuoi dati e ti contatteremo presto.',
    otherLanguage: 'English',
    honeypot: 'Lascia vuoto questo campo',
    errors: {
      consent: 'Spunta la casella del consenso: senza di esso non possiamo conservare i tuoi dati.',
      email: 'Inserisci il tuo indirizzo email.',
      emailInvalid: 'Questo indirizzo email non sembra corretto: controllalo.',
      name: 'Inserisci il tuo nome o la tua azienda.',
      tooLong: 'Uno dei campi è troppo lungo: accorcialo, per favore.',
      tooMany: 'Troppi invii dalla tua rete. Riprova tra qualche minuto.',
      changed: 'Il testo del consenso è appena cambiato: leggilo e spunta di nuovo la casella.',
      unavailable: 'Questo modulo non è ancora disponibile. Riprova più tardi.',
    },
    websiteEnquiry: 'Richiesta dal sito web',
  },
} as const;

export type PageTexts = (typeof pageTexts)[Locale];
export type PageError = keyof PageTexts['errors'];

const neutralWording: Record<Locale, string> = {
  en: 'I agree that {company} may store my contact details and contact me about its products and offers. I can withdraw this consent at any time.',
  it: 'Acconsento che {company} conservi i miei dati di contatto e mi contatti riguardo ai suoi prodotti e alle sue offerte. Posso revocare il consenso in qualsiasi momento.',
};
const neutralCompany: Record<Locale, string> = { en: 'the company', it: "l'azienda" };

/** The office's identity record, as the admin CLI publishes it (id derived as in company.ts). */
const COMPANY_ID = derivedId('office', 'refdata:company:legal');

export type Identity = { name: string | null; wording: string };

const text = (value: unknown, max: number): string | null =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max ? value.trim() : null;

/** The company's name and consent wording in `locale`; read defensively, any shape may be missing. */
export const identityFor = async (storage: Storage, locale: Locale): Promise<Identity> => {
  const stored = (await storage.getDocs('refdata', [COMPANY_ID])).get(COMPANY_ID);
  const doc = stored && !stored.deleted ? (stored.doc as Record<string, unknown>) : null;
  const data =
    doc && doc.kind === 'company' && typeof doc.data === 'object' && doc.data !== null
      ? (doc.data as Record<string, unknown>)
      : {};
  const name = text(data.name, 200);
  const consent = typeof data.consent === 'object' && data.consent !== null ? data.consent : {};
  const own = text((consent as Record<string, unknown>)[locale], 2000);
  const wording = (own ?? neutralWording[locale]).replaceAll(
    '{company}',
    name ?? neutralCompany[locale],
  );
  return { name, wording };
};
