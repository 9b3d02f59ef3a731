// Fields of a business card from its OCR text (Italian and English cards): name, company,
// job title, e-mail, phone, mobile, website and address. Pure heuristics on lines; the seller
// confirms or corrects every field before the lead is saved.
import type { Address } from '../domain/records';

export type CardFields = {
  firstName: string;
  lastName: string;
  company: string;
  jobTitle: string;
  email: string;
  phone: string;
  mobile: string;
  website: string;
  address: Address;
};

const EMAIL = /[a-z0-9][a-z0-9._%+-]*\s?@\s?[a-z0-9-]+(?:\s?\.\s?[a-z0-9-]+)+/i;
const WEB =
  /\b(?:https?:\/\/)?(?:www\s?\.\s?)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:it|com|eu|net|org|io|co\.uk|uk|de|fr|es|ch|biz|info)\b(?:\/\S*)?/i;
const PHONE = /(?:\+|00)?\(?\d[\d\s./()-]{5,}\d/;
const MOBILE_LABEL = /\b(cell(?:ulare)?|mob(?:ile)?|m|cel)\b\.?\s*:?/i;
const PHONE_LABEL =
  /\b(tel(?:efono)?|phone|ph|t|uff(?:icio)?|office|direct|diretto|centralino)\b\.?\s*:?/i;
const FAX_LABEL = /\bfax\b/i;
const LEGAL =
  /\b(s\.?\s?p\.?\s?a\.?|s\.?\s?r\.?\s?l\.?s?|s\.?\s?a\.?\s?s\.?|s\.?\s?n\.?\s?c\.?|ltd\.?|limited|llc|inc\.?|gmbh|plc|ag|b\.?v\.?|group|gruppo|holding|corp\.?|company|co\.|industries|industrie|studio|consulting)\b/i;
const TITLE =
  /\b(manager|director|directrice|head|chief|ceo|cfo|cto|coo|founder|co-founder|owner|president|vice|partner|engineer|consultant|specialist|officer|executive|representative|buyer|sales|marketing|export|account|developer|designer|architect|analyst|coordinator|assistant|responsabile|direttore|direttrice|amministratore|titolare|fondatore|fondatrice|socio|commerciale|ingegnere|consulente|tecnico|acquisti|vendite|ufficio|area|presidente|agente|progettista|geometra|avvocato|commercialista|delegato)\b/i;
const STREET =
  /\b(via|viale|v\.le|piazza|p\.zza|piazzale|corso|c\.so|largo|strada|vicolo|contrada|loc\.|località|localita|frazione|street|st\.|road|rd\.|avenue|ave\.|lane|way|drive|square|boulevard|place)\b/i;
const IT_POSTAL =
  /\b(\d{5})\s+([A-ZÀ-Ýa-zà-ÿ'.\s-]+?)(?:\s*\(?\b([A-Z]{2})\b\)?)?\s*(?:[-–,]\s*(italy|italia))?\s*$/i;
const UK_POSTAL = /\b([A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})\b/;
const HONORIFIC =
  /^(dott\.?(ssa)?|dr\.?|ing\.?|avv\.?|arch\.?|geom\.?|prof\.?(ssa)?|rag\.?|mr\.?|mrs\.?|ms\.?|sig\.?(ra)?)\s+/i;

const normalizeSpaces = (s: string) => s.replace(/[|]/g, ' ').replace(/\s+/g, ' ').trim();

const cleanPhone = (raw: string): string => {
  const s = raw.replace(/[^\d+]/g, (c) =>
    c === ' ' ? ' ' : c === '.' || c === '-' || c === '/' ? ' ' : '',
  );
  return s.replace(/\s+/g, ' ').trim();
};

// An Italian number whose national part starts with 3 is a mobile.
const looksMobile = (phone: string): boolean =>
  /^(?:\+39|0039)?\s?3\d{2}/.test(phone.replace(/\s/g, ''));

const countryOf = (text: string): string | undefined => {
  if (/\b(italy|italia)\b/i.test(text)) return 'IT';
  if (/\b(united kingdom|uk|england)\b/i.test(text)) return 'GB';
  if (/\b(germany|deutschland)\b/i.test(text)) return 'DE';
  if (/\b(france)\b/i.test(text)) return 'FR';
  return undefined;
};

const isNameLike = (line: string): boolean => {
  const words = line.replace(HONORIFIC, '').split(' ');
  if (words.length < 2 || words.length > 4) return false;
  if (/\d|@/.test(line)) return false;
  return words.every((w) =>
    /^[A-ZÀ-Ý][a-zà-ÿ'’-]+$|^[A-ZÀ-Ý]['’][A-ZÀ-Ýa-zà-ÿ]+$|^[A-ZÀ-Ý]{2,}$|^(de|di|da|del|della|van|von|la|le)$/.test(
      w,
    ),
  );
};

const splitName = (line: string): { firstName: string; lastName: string } => {
  const words = line.replace(HONORIFIC, '').split(' ');
  const titleCase = (w: string) =>
    w === w.toUpperCase() && w.length > 1 ? w[0] + w.slice(1).toLowerCase() : w;
  // Surname particles (De, Di, Van…) belong to the last name.
  let cut = words.length - 1;
  while (cut > 1 && /^(de|di|da|del|della|van|von|la|le)$/i.test(words[cut - 1] ?? '')) cut--;
  return {
    firstName: words.slice(0, cut).map(titleCase).join(' '),
    lastName: words.slice(cut).map(titleCase).join(' '),
  };
};

/** Reads the fields of a business card from its OCR text. */
export const extractCardFields = (text: string): CardFields => {
  const fields: CardFields = {
    firstName: '',
    lastName: '',
    company: '',
    jobTitle: '',
    email: '',
    phone: '',
    mobile: '',
    website: '',
    address: {},
  };
  const raw = text
    .split(/\r?\n/)
    .map(normalizeSpaces)
    .filter((l) => l.length > 1);
  // A legal form alone on a line ends the company name above it ("Meccanica Lombarda / S.r.l.").
  const lines: string[] = [];
  for (const line of raw) {
    const prev = lines.at(-1);
    if (
      prev !== undefined &&
      LEGAL.test(line) &&
      line.replace(LEGAL, '').replace(/[\s.,]/g, '') === ''
    )
      lines[lines.length - 1] = `${prev} ${line}`;
    else lines.push(line);
  }
  const used = new Set<number>();
  // What is left of a line once its contact details are taken out: two columns read as one
  // line ("Silvia Romano Cell. +39 335…") still give the name.
  const residual = new Map<number, string>();

  lines.forEach((line, i) => {
    const email = EMAIL.exec(line);
    if (email && !fields.email) {
      fields.email = email[0].replace(/\s/g, '').toLowerCase();
      used.add(i);
    }
    let rest = email ? line.replace(email[0], ' ') : line;
    const web = WEB.exec(rest);
    if (web && !fields.website && !/@/.test(web[0])) {
      fields.website = web[0]
        .replace(/\s/g, '')
        .replace(/^https?:\/\//i, '')
        .toLowerCase();
      used.add(i);
    }
    if (web && !/@/.test(web[0])) rest = rest.replace(web[0], ' ');
    // A line may hold several numbers ("T +39 02 123 – M +39 333 456"): split on labels.
    const segments = rest.split(
      /(?=\b(?:tel|t|phone|ph|cell|mob|mobile|m|fax|f|uff)\b\.?\s*:?\s*[+(\d])/i,
    );
    for (const segment of segments) {
      const number = PHONE.exec(segment);
      if (!number || number[0].replace(/\D/g, '').length < 6) continue;
      const before = segment.slice(0, number.index);
      const labelled =
        PHONE_LABEL.test(before) || MOBILE_LABEL.test(before) || FAX_LABEL.test(before);
      // A street number and postal code are digits too: only a label makes them a phone.
      if (!labelled && (STREET.test(segment) || /\b\d{5}\s+[A-Za-zÀ-ÿ]/.test(segment))) continue;
      used.add(i);
      if (FAX_LABEL.test(segment) || /^\s*f\b\.?/i.test(segment)) continue;
      const phone = cleanPhone(number[0]);
      const labelledMobile = MOBILE_LABEL.test(segment.slice(0, number.index));
      const labelledPhone = PHONE_LABEL.test(segment.slice(0, number.index));
      if ((labelledMobile || (!labelledPhone && looksMobile(phone))) && !fields.mobile)
        fields.mobile = phone;
      else if (!fields.phone) fields.phone = phone;
      else if (!fields.mobile) fields.mobile = phone;
    }
    if (used.has(i)) {
      const label =
        /\b(?:tel(?:efono)?|t|phone|ph|cell(?:ulare)?|mob(?:ile)?|m|fax|f|uff|direct|diretto)\b\.?\s*:?\s*(?=[+(\d])/i;
      const cut = rest.search(label);
      const left = normalizeSpaces((cut >= 0 ? rest.slice(0, cut) : rest).replace(PHONE, ' '));
      if (/[A-Za-zÀ-ÿ]{2}/.test(left) && !EMAIL.test(left)) residual.set(i, left);
    }
  });

  // Address: a street line and/or a postal code + city line.
  lines.forEach((line, i) => {
    if (used.has(i)) return;
    const it = IT_POSTAL.exec(line);
    const street = STREET.test(line);
    if (street && !fields.address.street) {
      const [streetPart, cityPart] = line.split(/\s*[,–-]\s*(?=\d{5}\b)/);
      fields.address.street = (streetPart ?? line).replace(/,\s*$/, '').slice(0, 200);
      used.add(i);
      if (cityPart) {
        const m = IT_POSTAL.exec(cityPart);
        if (m) {
          fields.address.postalCode = m[1];
          fields.address.city = (m[2] ?? '').trim().replace(/,$/, '');
          if (m[3]) fields.address.province = m[3].toUpperCase();
        }
      }
    } else if (it && !fields.address.postalCode) {
      fields.address.postalCode = it[1];
      fields.address.city = (it[2] ?? '').trim().replace(/,$/, '');
      if (it[3]) fields.address.province = it[3].toUpperCase();
      used.add(i);
    } else if (UK_POSTAL.test(line) && !fields.address.postalCode && /[a-z]/.test(line)) {
      const m = UK_POSTAL.exec(line);
      fields.address.postalCode = m?.[1];
      fields.address.city = line
        .replace(m?.[0] ?? '', '')
        .replace(/[,\s]+$|^[,\s]+/g, '')
        .replace(/,?\s*(united kingdom|uk)$/i, '');
      used.add(i);
    }
    const country = countryOf(line);
    if (
      country &&
      (used.has(i) || /^(italy|italia|united kingdom|uk|germany|france)$/i.test(line))
    ) {
      fields.address.country = country;
      used.add(i);
    }
  });
  if (
    !fields.address.country &&
    fields.address.postalCode &&
    /^\d{5}$/.test(fields.address.postalCode)
  )
    fields.address.country = 'IT';

  const free = () =>
    lines
      .map((l, i) => ({ l: used.has(i) ? (residual.get(i) ?? '') : l, i }))
      .filter(({ l, i }) => !used.has(i) || l !== '');
  const take = (i: number) => {
    used.add(i);
    residual.delete(i);
  };

  // Company: a legal form, else a line matching the e-mail's or website's domain.
  const domain =
    (fields.email.split('@')[1] ?? fields.website.replace(/^www\./, '')).split('.')[0] ?? '';
  const company =
    free().find(({ l }) => LEGAL.test(l) && !TITLE.test(l.replace(LEGAL, ''))) ??
    free().find(
      ({ l }) =>
        domain.length > 2 &&
        l
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '')
          .includes(domain.replace(/-/g, '')),
    );
  if (company) {
    fields.company = company.l;
    take(company.i);
  }

  const title = free().find(({ l }) => TITLE.test(l));
  const name = free().find(({ l }) => isNameLike(l) && !TITLE.test(l));
  if (name) {
    Object.assign(fields, splitName(name.l));
    take(name.i);
  }
  if (title) {
    fields.jobTitle = title.l;
    take(title.i);
  } else {
    // A title spelled with no keyword still sits right under the name.
    const next = name ? lines[name.i + 1] : undefined;
    if (next && name && !used.has(name.i + 1) && !/\d|@/.test(next)) {
      fields.jobTitle = next;
      used.add(name.i + 1);
    }
  }
  if (!fields.company) {
    const left = free().find(({ l }) => !/\d|@/.test(l) && l.length >= 3);
    if (left) fields.company = left.l;
  }
  return fields;
};
