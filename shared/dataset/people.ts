// Teams, users and the office's reference data (team members, currencies, exchange rates,
// VAT rates, each seller's numbering state, the office's legal identity).
import { COMPANY_REFDATA_ID } from '../domain/company';
import type { ExchangeRates } from '../domain/exchange';
import { currencyMinorDigits } from '../domain/money';
import type { NumberingState } from '../domain/numbering';
import type { Refdata } from '../domain/records';
import { audit, emailLocal, newId } from './common';
import { italianFirstNames, italianLastNames } from './names';
import { demoCompany } from './office';
import type { Rng } from './prng';
import { createRng } from './prng';

export type DatasetTeam = { id: string; name: string };
export type DatasetUser = {
  id: string;
  email: string;
  name: string;
  role: 'seller' | 'manager' | 'admin';
  teamId: string | null;
};

export const EMAIL_DOMAIN = 'demo.fairlead.test';

const teamNames = [
  'Nord-Ovest',
  'Nord-Est',
  'Centro',
  'Sud e Isole',
  'Export DACH',
  'Export Francia e Iberia',
  'Grandi Clienti',
  'Automazione',
  'Ufficio e Arredo',
  'Servizi',
] as const;

// The first people are fixed so the demo's sign-in details never change.
const fixedNames: readonly (readonly [string, string])[] = [
  ['Anna', 'Rossi'],
  ['Nicolò', 'Bianchi'],
  ['Giulia', 'Colombo'],
  ['Luca', 'Ferrari'],
  ['Chiara', 'Esposito'],
  ['Matteo', 'Ricci'],
];
const fixedManagers: readonly (readonly [string, string])[] = [
  ['Marco', 'Conti'],
  ['Elena', 'Galli'],
];
const fixedAdmin = ['Paola', 'Moretti'] as const;

/** Users do not depend on the dataset seed: demo accounts stay the same across seeds. */
export const generatePeople = (
  sellers: number,
  teams: number,
  nowMs: number,
): { teams: DatasetTeam[]; users: DatasetUser[]; series: Map<string, string> } => {
  const rng = createRng(0, 'people');
  const createdMs = nowMs - 365 * 86_400_000;
  const teamCount = Math.max(1, teams);
  const teamList: DatasetTeam[] = Array.from({ length: teamCount }, (_, i) => ({
    id: newId(rng, createdMs),
    name: `Team ${teamNames[i % teamNames.length] ?? ''}${i >= teamNames.length ? ` ${Math.floor(i / teamNames.length) + 1}` : ''}`,
  }));
  const users: DatasetUser[] = [];
  const emails = new Set<string>();
  const series = new Map<string, string>();
  const add = (
    [first, last]: readonly [string, string],
    role: DatasetUser['role'],
    teamId: string | null,
  ): DatasetUser => {
    const local = emailLocal(first, last);
    let email = `${local}@${EMAIL_DOMAIN}`;
    for (let n = 2; emails.has(email); n++) email = `${local}${n}@${EMAIL_DOMAIN}`;
    emails.add(email);
    const user = { id: newId(rng, createdMs), email, name: `${first} ${last}`, role, teamId };
    users.push(user);
    return user;
  };
  const randomName = (): readonly [string, string] => [
    rng.pick(italianFirstNames),
    rng.pick(italianLastNames),
  ];
  for (let i = 0; i < sellers; i++) {
    const team = teamList[i % teamCount] as DatasetTeam;
    const user = add(fixedNames[i] ?? randomName(), 'seller', team.id);
    // Series: the seller's initials and a two-digit index (AR01), 2–8 letters or digits.
    const initials = user.name
      .split(' ')
      .map((part) => emailLocal(part, '').charAt(0).toUpperCase())
      .join('')
      .replace(/[^A-Z]/g, '')
      .slice(0, 3);
    series.set(user.id, `${initials || 'S'}${String(i + 1).padStart(2, '0')}`);
  }
  teamList.forEach((team, i) => add(fixedManagers[i] ?? randomName(), 'manager', team.id));
  add(fixedAdmin, 'admin', null);
  return { teams: teamList, users, series };
};

/** The office's exchange rates (ECB style: units per euro). */
export const demoExchangeRates: ExchangeRates = {
  base: 'EUR',
  rates: { USD: 1.0823, GBP: 0.8571, CHF: 0.9412, JPY: 162.35, PLN: 4.3125 },
};

const currencyNames: Readonly<Record<string, string>> = {
  EUR: 'Euro',
  USD: 'US dollar',
  GBP: 'Pound sterling',
  CHF: 'Swiss franc',
  JPY: 'Japanese yen',
  PLN: 'Polish złoty',
};

const vatRates = [
  [2200, 'Aliquota ordinaria 22%', 'Standard rate 22%'],
  [1000, 'Aliquota ridotta 10%', 'Reduced rate 10%'],
  [500, 'Aliquota ridotta 5%', 'Reduced rate 5%'],
  [400, 'Aliquota minima 4%', 'Super-reduced rate 4%'],
  [0, 'Non imponibile (art. 8 DPR 633/72)', 'Zero-rated export'],
] as const;

export const generateRefdata = (
  rng: Rng,
  users: readonly DatasetUser[],
  numbering: ReadonlyMap<string, NumberingState>,
  nowMs: number,
): Refdata[] => {
  const admin = users.find((u) => u.role === 'admin') ?? users[0];
  const officeId = admin?.id ?? 'office';
  const createdMs = nowMs - 330 * 86_400_000;
  const record = (
    kind: Refdata['kind'],
    key: string,
    data: Record<string, unknown>,
    owner = officeId,
  ): Refdata => ({
    ...audit(newId(rng, createdMs), owner, createdMs),
    kind,
    key,
    data,
  });
  const rateDate = new Date(nowMs - 86_400_000).toISOString().slice(0, 10);
  return [
    ...users.map((u) =>
      record('team_member', u.id, { email: u.email, name: u.name, role: u.role, teamId: u.teamId }),
    ),
    ...Object.keys(currencyNames).map((c) =>
      record('currency', c, { name: currencyNames[c], minorDigits: currencyMinorDigits(c) }),
    ),
    ...Object.entries(demoExchangeRates.rates).map(([c, rate]) =>
      record('exchange_rate', c, { base: demoExchangeRates.base, rate, date: rateDate }),
    ),
    ...vatRates.map(([rate, it, en]) =>
      record('vat_rate', String(rate), { rate, label: { it, en } }),
    ),
    ...[...numbering.entries()].map(([userId, state]) =>
      record('numbering', state.series, { userId, ...state }, userId),
    ),
    // The office's legal identity under the id the admin command line writes it with.
    { ...record('company', 'legal', demoCompany), id: COMPANY_REFDATA_ID },
  ];
};
