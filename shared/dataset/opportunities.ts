// Opportunities at every stage and state: from qualified leads and on existing accounts.
import type { Account, Contact, Lead, Line, Opportunity } from '../domain/records';
import { systemEstimatedRevenue } from '../domain/pricing';
import { searchTermsForOpportunity } from '../domain/search';
import { DAY_MS, audit, dateOf, later, newId, pastInstant, qualifiedIds } from './common';
import type { CatalogIndex } from './lines';
import { generateLines, priceListFor } from './lines';
import { competitors } from './names';
import type { Rng } from './prng';

type Phase = readonly [Opportunity['stage'], Opportunity['state']];

const phases: readonly (readonly [Phase, number])[] = [
  [['qualify', 'open'], 20],
  [['develop', 'open'], 20],
  [['propose', 'open'], 20],
  [['close', 'open'], 5],
  [['close', 'won'], 20],
  [['close', 'lost'], 15],
];

const probabilityOf: Readonly<Record<Opportunity['stage'], number>> = {
  qualify: 10,
  develop: 30,
  propose: 60,
  close: 80,
};

const topics = [
  'Fornitura scaffalature nuovo magazzino',
  'Automazione linea imbottigliamento',
  'Arredo sede di Milano',
  'Contratto DPI 2027',
  'Retrofit quadri elettrici reparto 2',
  'Manutenzione programmata impianti',
  'Office fit-out for new branch',
  'Sensors for packaging line 3',
] as const;

export type OpportunityInput = {
  ownerId: string;
  account: Account | null;
  contact: Contact | null;
  lead: Lead | null;
  createdMs: number;
};

export const generateOpportunity = (
  rng: Rng,
  input: OpportunityInput,
  catalog: CatalogIndex,
  nowMs: number,
): Opportunity => {
  const { account, lead } = input;
  const [stage, state] = rng.weighted(phases);
  const topic = lead?.topic ?? `${rng.pick(topics)} – ${account?.name ?? ''}`.slice(0, 200);
  const dollars = account?.address.country === 'US' || account?.address.country === 'GB';
  const currency = dollars || rng.chance(0.07) ? 'USD' : 'EUR';
  const priceList = priceListFor(rng, catalog, currency);
  const id = lead === null ? newId(rng, input.createdMs) : qualifiedIds(lead.id).opportunityId;
  // Propose and later need lines and a close date (DESIGN.md §3).
  const lines: Line[] =
    stage === 'qualify'
      ? generateLines(rng, catalog, priceList, input.createdMs, 0, 2)
      : generateLines(rng, catalog, priceList, input.createdMs, 1, stage === 'develop' ? 4 : 5);
  const userRevenue = rng.chance(0.12);
  const estimatedRevenue = userRevenue
    ? Math.max(1, Math.round(systemEstimatedRevenue(lines) / 100_000)) * 100_000
    : systemEstimatedRevenue(lines);
  const closeMs = input.createdMs + rng.int(20, 150) * DAY_MS;
  const closedMs = later(rng, input.createdMs, nowMs, 120);
  const updatedMs = state === 'open' ? later(rng, input.createdMs, nowMs, 60) : closedMs;
  return {
    ...audit(id, input.ownerId, input.createdMs, updatedMs),
    number: '',
    topic,
    accountId: account?.id ?? null,
    contactId: input.contact?.id ?? null,
    originatingLeadId: lead?.id ?? null,
    currency,
    priceListId: priceList.id,
    lines,
    revenueMode: userRevenue ? 'user' : 'system',
    estimatedRevenue,
    estimatedCloseDate: stage === 'qualify' && rng.chance(0.5) ? null : dateOf(closeMs),
    probability: state === 'won' ? 100 : state === 'lost' ? 0 : probabilityOf[stage],
    rating: lead?.rating ?? rng.pick(['hot', 'warm', 'cold'] as const),
    stage,
    state,
    status:
      state === 'won'
        ? 'won'
        : state === 'lost'
          ? rng.pick(['canceled', 'out_sold'] as const)
          : rng.chance(0.85)
            ? 'in_progress'
            : 'on_hold',
    actualRevenue: state === 'won' ? systemEstimatedRevenue(lines) : null,
    actualCloseDate: state === 'open' ? null : dateOf(closedMs),
    competitor: state === 'lost' || rng.chance(0.2) ? rng.pick(competitors) : '',
    closeDescription:
      state === 'won'
        ? 'Ordine confermato dopo la revisione del preventivo.'
        : state === 'lost'
          ? 'Il cliente ha scelto un fornitore con consegna più rapida.'
          : '',
    searchTerms: searchTermsForOpportunity({ topic, number: '' }),
    forecastCategory: null,
  };
};

/** An opportunity on an account the office already had (no originating lead). */
export const opportunityOnAccount = (
  rng: Rng,
  account: Account,
  contacts: readonly Contact[],
  catalog: CatalogIndex,
  nowMs: number,
): Opportunity =>
  generateOpportunity(
    rng,
    {
      ownerId: account.ownerId,
      account,
      contact: contacts.length > 0 && rng.chance(0.85) ? rng.pick(contacts) : null,
      lead: null,
      createdMs: Math.max(Date.parse(account.createdAt), pastInstant(rng, nowMs, 400)),
    },
    catalog,
    nowMs,
  );
