// Business cards with known fields, drawn by Chromium (HTML → PNG) in several fonts and
// layouts, Italian and English, so the OCR pipeline can be checked against the truth.
import type { Browser } from 'playwright-core';
import type { CardFields } from '../../shared/capture/card-fields';

export type CardTruth = Pick<
  CardFields,
  'firstName' | 'lastName' | 'company' | 'jobTitle' | 'email' | 'phone' | 'mobile' | 'website'
> & { locale: 'it' | 'en'; font: string; layout: 'left' | 'centered' | 'split' };

const it = {
  first: ['Marco', 'Giulia', 'Luca', 'Chiara', 'Paolo', 'Elena', 'Davide', 'Silvia'],
  last: ['Bianchi', 'Rossi', 'Ferrari', 'Esposito', 'Romano', 'Colombo', 'Ricci', 'Marino'],
  company: [
    'Valvole Nord S.r.l.',
    'Tessuti Riuniti SpA',
    'Meccanica Lombarda S.r.l.',
    'Arredi Veneti S.p.A.',
  ],
  title: ['Responsabile Commerciale', 'Direttore Vendite', 'Ufficio Acquisti', 'Export Manager'],
};
const en = {
  first: ['Sarah', 'James', 'Emily', 'Oliver', 'Grace', 'Henry', 'Alice', 'Thomas'],
  last: ['Johnson', 'Walker', 'Turner', 'Hughes', 'Parker', 'Bennett', 'Carter', 'Mitchell'],
  company: [
    'Northwind Trading Ltd',
    'Apex Engineering Limited',
    'Bright Labs Inc.',
    'Harbour Tools Ltd',
  ],
  title: ['Sales Director', 'Account Manager', 'Head of Purchasing', 'Marketing Manager'],
};
const fonts = ['DejaVu Sans', 'Liberation Serif', 'Liberation Sans', 'DejaVu Serif'];
const layouts: CardTruth['layout'][] = ['left', 'centered', 'split'];

const slug = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

/** The n-th card of a deterministic series. */
export const cardTruth = (n: number): CardTruth => {
  const locale = n % 2 === 0 ? 'it' : 'en';
  const d = locale === 'it' ? it : en;
  const pick = <T>(list: readonly T[], k: number): T => list[k % list.length] as T;
  const firstName = pick(d.first, n * 3 + 1);
  const lastName = pick(d.last, n * 5 + 2);
  const company = pick(d.company, n);
  const domain = slug(company.split(' ').slice(0, 2).join(''));
  const tld = locale === 'it' ? 'it' : 'com';
  // Varied but repeatable digits: a small linear congruential step per card and field.
  const digits = (k: number, len: number) => {
    let x = (n + 1) * 2654435761 + k * 40503;
    let out = '';
    while (out.length < len) {
      x = (x * 1103515245 + 12345) % 2147483648;
      out += String(Math.floor((x / 2147483648) * 10));
    }
    return out;
  };
  return {
    locale,
    font: pick(fonts, Math.floor(n / 2)),
    layout: pick(layouts, n),
    firstName,
    lastName,
    company,
    jobTitle: pick(d.title, n * 7),
    email: `${slug(firstName)}.${slug(lastName)}@${domain}.${tld}`,
    website: `www.${domain}.${tld}`,
    phone: locale === 'it' ? `+39 02 ${digits(1, 7)}` : `+44 20 ${digits(1, 4)} ${digits(2, 4)}`,
    mobile:
      locale === 'it'
        ? `+39 3${digits(3, 2)} ${digits(4, 7)}`
        : `+44 7${digits(3, 3)} ${digits(4, 6)}`,
  };
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export const cardHtml = (c: CardTruth): string => {
  const phoneLabel = c.locale === 'it' ? 'Tel.' : 'T';
  const mobileLabel = c.locale === 'it' ? 'Cell.' : 'M';
  const who = `<div class="name">${esc(c.firstName)} ${esc(c.lastName)}</div><div class="title">${esc(c.jobTitle)}</div>`;
  const org = `<div class="company">${esc(c.company)}</div>`;
  const contact = `<div>${phoneLabel} ${esc(c.phone)}</div><div>${mobileLabel} ${esc(c.mobile)}</div><div>${esc(c.email)}</div><div>${esc(c.website)}</div>`;
  const body =
    c.layout === 'split'
      ? `<div class="cols"><div>${org}${who}</div><div class="right">${contact}</div></div>`
      : `${org}${who}<div class="contact">${contact}</div>`;
  return `<!doctype html><html><head><style>
body{margin:0;background:#fff}
.card{width:1050px;height:600px;box-sizing:border-box;padding:60px 70px;font-family:'${c.font}';color:#111;
  background:#fff;font-size:30px;line-height:1.35;${c.layout === 'centered' ? 'text-align:center;' : ''}}
.company{font-size:44px;font-weight:bold;margin-bottom:30px}
.name{font-size:40px;font-weight:bold}.title{font-style:italic;margin-bottom:30px}
.cols{display:flex;justify-content:space-between;gap:40px}.right{text-align:right;padding-top:120px}
</style></head><body><div class="card">${body}</div></body></html>`;
};

/** Draws cards as PNG bytes in one Chromium page. */
export const renderCards = async (
  browser: Browser,
  cards: readonly CardTruth[],
): Promise<Buffer[]> => {
  const page = await browser.newPage({ viewport: { width: 1050, height: 600 } });
  const images: Buffer[] = [];
  for (const card of cards) {
    await page.setContent(cardHtml(card));
    images.push(await page.locator('.card').screenshot({ type: 'png' }));
  }
  await page.close();
  return images;
};
