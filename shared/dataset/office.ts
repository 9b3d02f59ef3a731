// The demo office's legal identity: a plausible Italian industrial supplier (fictitious
// numbers with valid check digits), printed on documents and declared in e-invoices.
import type { Company } from '../domain/company';

export const demoCompany: Company = {
  name: 'Officine Brenta S.r.l.',
  vatNumber: 'IT04128760156',
  taxCode: '04128760156',
  taxRegime: 'RF01',
  rea: {
    office: 'MI',
    number: '1728394',
    shareCapital: 5_000_000,
    soleShareholder: 'SM',
    liquidation: 'LN',
  },
  address: {
    street: 'Via Privata Bernardino Verro',
    streetNumber: '41',
    postalCode: '20141',
    city: 'Milano',
    province: 'MI',
    country: 'IT',
  },
  iban: 'IT60X0542811101000000123456',
  bic: 'BPMOIT22XXX',
  bank: 'Banco BPM S.p.A. - Filiale Milano Vigentino',
  phone: '+39 02 5731 4400',
  email: 'amministrazione@officinebrenta.it',
  pec: 'officinebrenta@pec.officinebrenta.it',
  logo: '',
  paymentDays: 30,
  paymentTerms: {
    it: 'Bonifico bancario a 30 giorni data fattura',
    en: 'Bank transfer within 30 days of the invoice date',
  },
  footer: {
    it: 'Officine Brenta S.r.l. - Via Privata Bernardino Verro 41, 20141 Milano - P. IVA 04128760156 - REA MI-1728394 - Capitale sociale € 50.000,00 i.v.',
    en: 'Officine Brenta S.r.l. - Via Privata Bernardino Verro 41, 20141 Milan, Italy - VAT IT04128760156 - REA MI-1728394 - Share capital € 50,000.00 fully paid',
  },
  consent: {
    it: 'Acconsento che {company} conservi i miei dati di contatto e mi contatti riguardo ai suoi prodotti e alle sue offerte, come descritto nell’informativa privacy (Regolamento UE 2016/679). Posso revocare il consenso in qualsiasi momento scrivendo a privacy@officinebrenta.it.',
    en: 'I agree that {company} may store my contact details and contact me about its products and offers, as described in its privacy notice (EU Regulation 2016/679). I can withdraw this consent at any time by writing to privacy@officinebrenta.it.',
  },
};
