// Leads, streamed one at a time so 100k+ of them never have to sit in one array.
import type { Lead } from '../domain/records';
import { searchTermsForLead } from '../domain/search';
import type { Person } from './common';
import {
  DEFAULT_NOW,
  address,
  audit,
  countryWeights,
  domainOf,
  emailLocal,
  iso,
  later,
  newId,
  parseNow,
  pastInstant,
  person,
  qualifiedIds,
  phoneNumber,
  vatNumber,
} from './common';
import { companyName } from './companies';
import { consentWordings, jobTitles, needs, tradeFairs, webSources } from './names';
import { createRng } from './prng';

export type LeadStreamOptions = {
  now?: string;
  /**
   * How many leads may be qualified. Qualified leads point at the account, contact and
   * opportunity that qualifying created (ids derived from the lead's id, as the qualify rule
   * does); the caller must create those. Default 0: a plain list, e.g. a fair's attendees.
   */
  maxQualified?: number;
  /** Leads are spread over this many days before `now` (default 365). */
  daysBack?: number;
};

const topics = [
  'Preventivo scaffalature magazzino',
  'Automazione linea di confezionamento',
  'Arredo nuovo ufficio',
  'Fornitura DPI annuale',
  'Retrofit quadri elettrici',
  'Contratto di manutenzione',
  'Warehouse equipment upgrade',
  'Office refurbishment',
  'Sensoristica per nuova linea',
] as const;

const statusWeights: readonly (readonly [readonly [Lead['state'], Lead['status']], number])[] = [
  [['open', 'new'], 40],
  [['open', 'contacted'], 25],
  [['qualified', 'qualified'], 15],
  [['disqualified', 'lost'], 6],
  [['disqualified', 'cannot_contact'], 6],
  [['disqualified', 'no_longer_interested'], 5],
  [['disqualified', 'canceled'], 3],
];

/**
 * Yields `count` leads for the given owners (user ids), deterministic for a seed. The same
 * seed and count give the same leads whether they are streamed or collected.
 */
export function* generateLeads(
  seed: number,
  count: number,
  owners: readonly string[],
  options: LeadStreamOptions = {},
): Generator<Lead, void, undefined> {
  if (owners.length === 0 && count > 0) throw new RangeError('leads need at least one owner');
  const rng = createRng(seed, 'leads');
  const nowMs = parseNow(options.now ?? DEFAULT_NOW);
  let qualifyBudget = options.maxQualified ?? 0;
  for (let i = 0; i < count; i++) {
    const ownerId = owners[i % owners.length] as string;
    const country = rng.weighted(countryWeights);
    const who: Person = person(rng, country);
    const company = companyName(rng, country, who.lastName);
    const domain = domainOf(company, country);
    const createdMs = pastInstant(rng, nowMs, options.daysBack ?? 365);
    const id = newId(rng, createdMs);
    const source = rng.weighted([
      ['trade_fair', 55],
      ['web', 20],
      ['email', 10],
      ['referral', 10],
      ['other', 5],
    ] as const);
    let [state, status] = rng.weighted(statusWeights);
    if (state === 'qualified') {
      if (qualifyBudget > 0) qualifyBudget--;
      else [state, status] = ['open', 'contacted'];
    }
    const fair = rng.pick(tradeFairs);
    const consentGiven = source === 'trade_fair' ? rng.chance(0.92) : rng.chance(0.7);
    const italian = country === 'IT';
    const hasBudget = rng.chance(0.6);
    const fields = {
      firstName: who.firstName,
      lastName: who.lastName,
      company,
      email: rng.chance(0.93) ? `${emailLocal(who.firstName, who.lastName)}@${domain}` : '',
      phone: rng.chance(0.7) ? phoneNumber(rng, country) : '',
      mobile: rng.chance(0.6) ? phoneNumber(rng, country, true) : '',
    };
    const ids = qualifiedIds(id);
    yield {
      ...audit(id, ownerId, createdMs, later(rng, createdMs, nowMs, 30)),
      topic: `${rng.pick(topics)}${source === 'trade_fair' ? ` – ${fair}` : ''}`,
      ...fields,
      jobTitle: rng.pick(jobTitles),
      website: rng.chance(0.8) ? `https://www.${domain}` : '',
      address: rng.chance(0.7) ? address(rng, country) : { country },
      vatNumber: rng.chance(0.5) ? vatNumber(rng, country) : '',
      source,
      sourceDetail:
        source === 'trade_fair'
          ? fair
          : source === 'web'
            ? rng.pick(webSources)
            : source === 'referral'
              ? `Segnalato da ${person(rng, 'IT').lastName}`
              : '',
      rating: rng.weighted([
        ['hot', 20],
        ['warm', 45],
        ['cold', 35],
      ] as const),
      budget: hasBudget ? rng.int(5, 500) * 100_000 : null,
      budgetCurrency: italian || rng.chance(0.7) ? 'EUR' : 'USD',
      purchaseTimeframe: rng.pick([
        'immediate',
        'this_quarter',
        'next_quarter',
        'this_year',
        'unknown',
      ] as const),
      decisionMaker: rng.chance(0.2) ? null : rng.chance(0.45),
      need: rng.chance(0.75) ? rng.pick(needs) : '',
      consent: consentGiven
        ? {
            given: true,
            at: iso(createdMs),
            how:
              source === 'trade_fair'
                ? rng.pick(['Scansione badge allo stand', 'Modulo firmato allo stand'])
                : source === 'web'
                  ? 'Casella spuntata nel modulo web'
                  : 'Consenso verbale registrato',
            wording: italian ? consentWordings.it : consentWordings.en,
          }
        : { given: false, at: null, how: null, wording: null },
      notes: rng.chance(0.3) ? `Incontrato a ${fair}. Richiamare dopo la fiera.` : '',
      state,
      status,
      searchTerms: searchTermsForLead(fields),
      qualifiedAccountId: state === 'qualified' ? ids.accountId : null,
      qualifiedContactId: state === 'qualified' ? ids.contactId : null,
      qualifiedOpportunityId: state === 'qualified' ? ids.opportunityId : null,
      tradeFairId: null,
      fairAnswers: [],
    };
  }
}

/** The same leads in chunks of `size`, for bulk writes. */
export function* generateLeadChunks(
  seed: number,
  count: number,
  owners: readonly string[],
  size: number,
  options: LeadStreamOptions = {},
): Generator<Lead[], void, undefined> {
  let chunk: Lead[] = [];
  for (const lead of generateLeads(seed, count, owners, options)) {
    chunk.push(lead);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
