// Helpers shared by the dataset's parts: time derived from `now`, ids from the seeded
// stream, audit fields, people's names and Italian VAT numbers.
import { derivedId, uuidv7 } from '../domain/ids';
import { normalizeText } from '../domain/search';
import type { Rng } from './prng';
import type { Country } from './names';
import { cities, foreignNames, italianFirstNames, italianLastNames, streets } from './names';
import type { Address } from '../domain/records';

export const DAY_MS = 86_400_000;
/** The instant a dataset is "generated at" unless the caller says otherwise. */
export const DEFAULT_NOW = '2026-11-30T09:00:00.000Z';

export const iso = (ms: number): string => new Date(ms).toISOString();
export const dateOf = (ms: number): string => iso(ms).slice(0, 10);

export const parseNow = (now: string): number => {
  const ms = Date.parse(now);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${now}`);
  return ms;
};

/** A UUIDv7 whose time is `ms` and whose random bits come from the seeded stream. */
export const newId = (rng: Rng, ms: number): string => uuidv7(ms, rng.bytes(10));

/** An instant between `daysBack` days before `nowMs` and `nowMs`, on a working hour. */
export const pastInstant = (rng: Rng, nowMs: number, daysBack: number): number => {
  const day = Math.floor(nowMs / DAY_MS) - rng.int(0, daysBack);
  const ms = day * DAY_MS + rng.int(7 * 3600, 18 * 3600) * 1000 + rng.int(0, 999);
  return Math.min(ms, nowMs);
};

/** `fromMs` plus some days, never after `nowMs`. */
export const later = (rng: Rng, fromMs: number, nowMs: number, maxDays: number): number =>
  Math.min(nowMs, fromMs + rng.int(1, Math.max(1, maxDays * 24)) * 3_600_000);

export type Audit = {
  id: string;
  ownerId: string;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
};

export const audit = (
  id: string,
  ownerId: string,
  createdMs: number,
  updatedMs = createdMs,
): Audit => ({
  id,
  ownerId,
  createdAt: iso(createdMs),
  updatedAt: iso(Math.max(createdMs, updatedMs)),
  updatedBy: ownerId,
});

export type Person = { firstName: string; lastName: string; country: Country };

export const countryWeights: readonly (readonly [Country, number])[] = [
  ['IT', 70],
  ['DE', 8],
  ['FR', 6],
  ['ES', 5],
  ['PL', 3],
  ['AT', 3],
  ['CH', 2],
  ['US', 2],
  ['GB', 1],
];

export const person = (rng: Rng, country: Country): Person => {
  if (country === 'IT') {
    return {
      firstName: rng.pick(italianFirstNames),
      lastName: rng.pick(italianLastNames),
      country,
    };
  }
  const [first, last] = foreignNames[country];
  return { firstName: rng.pick(first), lastName: rng.pick(last), country };
};

/** "Nicolò D'Angelo" → "nicolo.dangelo": what goes before the @ of an email address. */
export const emailLocal = (firstName: string, lastName: string): string =>
  [firstName, lastName]
    .map((part) =>
      normalizeText(part)
        .replace(/ł/g, 'l')
        .replace(/[^a-z0-9]/g, ''),
    )
    .filter((part) => part !== '')
    .join('.');

/** A web domain from a company name: "Müller & Söhne GmbH" → "muller-sohne.de". */
export const domainOf = (company: string, country: Country): string => {
  const slug = normalizeText(company)
    .replace(/ł/g, 'l')
    .replace(
      /\b(s r l|srl|s p a|spa|s n c|gmbh|ag|kg|co|sarl|sas|s a|s l|sp z o o|inc|llc|corp|ltd|plc)\b/g,
      '',
    )
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const tld = country === 'US' ? 'com' : country === 'GB' ? 'co.uk' : country.toLowerCase();
  return `${slug || 'azienda'}.${tld}`;
};

const digits = (rng: Rng, n: number): string =>
  Array.from({ length: n }, () => String(rng.int(0, 9))).join('');

/** An Italian Partita IVA: 7 digits, 3-digit office code, then the Luhn-style check digit. */
export const italianVatDigits = (rng: Rng): string => {
  const body = digits(rng, 7) + String(rng.int(1, 100)).padStart(3, '0');
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = Number(body[i]);
    if (i % 2 === 0) sum += d;
    else sum += d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return body + String((10 - (sum % 10)) % 10);
};

/** A VAT number in the shape of the country (IT + 11 digits, DE + 9, …). */
export const vatNumber = (rng: Rng, country: Country): string => {
  switch (country) {
    case 'IT':
      return `IT${italianVatDigits(rng)}`;
    case 'FR':
      return `FR${digits(rng, 11)}`;
    case 'ES':
      return `ESB${digits(rng, 8)}`;
    case 'PL':
      return `PL${digits(rng, 10)}`;
    case 'US':
      return `EIN ${digits(rng, 2)}-${digits(rng, 7)}`;
    case 'AT':
      return `ATU${digits(rng, 8)}`;
    case 'CH':
      return `CHE-${digits(rng, 3)}.${digits(rng, 3)}.${digits(rng, 3)} MWST`;
    case 'GB':
      return `GB${digits(rng, 9)}`;
    default:
      return `DE${digits(rng, 9)}`;
  }
};

export const phoneNumber = (rng: Rng, country: Country, mobile = false): string => {
  const prefix: Record<Country, string> = {
    IT: '+39',
    DE: '+49',
    FR: '+33',
    ES: '+34',
    PL: '+48',
    AT: '+43',
    CH: '+41',
    US: '+1',
    GB: '+44',
  };
  if (country === 'IT') {
    return mobile
      ? `+39 3${rng.int(20, 99)} ${digits(rng, 3)} ${digits(rng, 4)}`
      : `+39 0${rng.int(2, 99)} ${digits(rng, 6)}`;
  }
  return `${prefix[country]} ${rng.int(10, 99)} ${digits(rng, 3)} ${digits(rng, 4)}`;
};

export const address = (rng: Rng, country: Country): Address => {
  const [city, postalCode, province] = rng.pick(cities[country]);
  return {
    street: `${rng.pick(streets[country])} ${rng.int(1, 180)}`,
    city,
    postalCode,
    province,
    country,
  };
};

/** A few digits or letters for codes like SDI recipient codes. */
export const code = (rng: Rng, n: number): string => {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  return Array.from({ length: n }, () => alphabet[rng.int(0, alphabet.length - 1)]).join('');
};

/**
 * The ids qualifying a lead creates, derived from the lead id exactly as the qualify rule
 * derives them (domain/lead-qualify.ts), so re-qualifying a generated lead creates nothing.
 */
export const qualifiedIds = (leadId: string) => ({
  accountId: derivedId(leadId, 'account'),
  contactId: derivedId(leadId, 'contact'),
  opportunityId: derivedId(leadId, 'opportunity'),
});
