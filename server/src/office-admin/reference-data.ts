// Currencies, exchange rates and VAT rates: office reference data every device pulls. One
// record per natural key (ISO code, rate in basis points), replaced in place when changed.
import type { Refdata, RefdataKind } from '../../../shared/domain/records';
import type {
  AdminRefdata,
  CurrencyRequest,
  ExchangeRateRequest,
  VatRateRequest,
} from '../../../shared/office/admin-api';
import { naturaCodes } from '../../../shared/documents/einvoice';
import { hasControlCharacters } from '../../../shared/domain/plain-text';
import { newId } from '../ids';
import { OFFICE_OWNER_ID, OfficeError, writeOfficeDocs } from '../office';
import type { Storage } from '../storage/types';
import type { AdminActor } from './audit';
import { recordAudit } from './audit';

/** The office's base currency: exchange rates are units of a currency per 1 EUR. */
export const BASE_CURRENCY = 'EUR';

const liveRefdata = async (storage: Storage): Promise<Refdata[]> =>
  (await storage.allDocs('refdata'))
    .filter((d) => !d.deleted)
    .map((d) => d.doc as unknown as Refdata);

export const adminRefdata = async (storage: Storage): Promise<AdminRefdata> => {
  const all = await liveRefdata(storage);
  const of = (kind: RefdataKind) =>
    all.filter((r) => r.kind === kind).sort((a, b) => a.key.localeCompare(b.key));
  return {
    currencies: of('currency'),
    exchangeRates: of('exchange_rate'),
    vatRates: of('vat_rate'),
  };
};

const upsertRefdata = async (
  storage: Storage,
  actor: AdminActor,
  kind: RefdataKind,
  key: string,
  data: Record<string, unknown>,
  action: 'currency.set' | 'exchange_rate.set' | 'vat_rate.set',
): Promise<Refdata> => {
  const before = (await liveRefdata(storage)).find((r) => r.kind === kind && r.key === key);
  const now = new Date().toISOString();
  const record: Refdata = {
    id: before?.id ?? newId(),
    ownerId: OFFICE_OWNER_ID,
    createdAt: before?.createdAt ?? now,
    updatedAt: now,
    updatedBy: OFFICE_OWNER_ID,
    kind,
    key,
    data,
  };
  await writeOfficeDocs(storage, 'refdata', [record]);
  await recordAudit(storage, actor, action, `${kind} ${key}`, before?.data ?? null, data);
  return record;
};

const currencyCode = (code: string): string => {
  const clean = code.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(clean))
    throw new OfficeError(
      `"${code}" is not an ISO currency code such as EUR or USD.`,
      `"${code}" non è un codice valuta ISO come EUR o USD.`,
    );
  return clean;
};

const label = (text: string, what: { en: string; it: string }): string => {
  const clean = text.trim();
  if (clean === '' || clean.length > 100 || hasControlCharacters(clean))
    throw new OfficeError(
      `The ${what.en} must be 1 to 100 characters, with no control characters.`,
      `${what.it} deve avere da 1 a 100 caratteri, senza caratteri di controllo.`,
    );
  return clean;
};

export const adminSetCurrency = async (
  storage: Storage,
  actor: AdminActor,
  code: string,
  input: CurrencyRequest,
): Promise<Refdata> => {
  const key = currencyCode(code);
  const name = label(input.name, { en: 'currency name', it: 'Il nome della valuta' });
  if (!Number.isInteger(input.minorDigits) || input.minorDigits < 0 || input.minorDigits > 3)
    throw new OfficeError(
      'The decimals of a currency must be 0, 1, 2 or 3.',
      'I decimali di una valuta devono essere 0, 1, 2 o 3.',
    );
  return upsertRefdata(
    storage,
    actor,
    'currency',
    key,
    { name, minorDigits: input.minorDigits },
    'currency.set',
  );
};

export const adminSetExchangeRate = async (
  storage: Storage,
  actor: AdminActor,
  code: string,
  input: ExchangeRateRequest,
): Promise<Refdata> => {
  const key = currencyCode(code);
  if (key === BASE_CURRENCY)
    throw new OfficeError(
      `${BASE_CURRENCY} is the base currency: its rate is always 1.`,
      `${BASE_CURRENCY} è la valuta di riferimento: il suo cambio è sempre 1.`,
    );
  // Up to 10 decimals, as shared/domain/exchange.ts reads rates.
  if (
    !Number.isFinite(input.rate) ||
    input.rate <= 0 ||
    input.rate > 1e7 ||
    !/^\d+(\.\d{1,10})?$/.test(String(input.rate))
  )
    throw new OfficeError(
      `The rate must be a positive number of ${key} per 1 ${BASE_CURRENCY}, with at most 10 decimals.`,
      `Il cambio deve essere un numero positivo di ${key} per 1 ${BASE_CURRENCY}, con al massimo 10 decimali.`,
    );
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || Number.isNaN(Date.parse(input.date)))
    throw new OfficeError(
      `"${input.date}" is not a date such as 2026-03-31.`,
      `"${input.date}" non è una data come 2026-03-31.`,
    );
  return upsertRefdata(
    storage,
    actor,
    'exchange_rate',
    key,
    { base: BASE_CURRENCY, rate: input.rate, date: input.date },
    'exchange_rate.set',
  );
};

/** `rate` in basis points (2200 = 22 %), the unit lines and products carry. */
export const adminSetVatRate = async (
  storage: Storage,
  actor: AdminActor,
  rate: number,
  input: VatRateRequest,
): Promise<Refdata> => {
  if (!Number.isInteger(rate) || rate < 0 || rate > 10000)
    throw new OfficeError(
      'A VAT rate must be a percentage between 0 and 100, with at most two decimals.',
      "Un'aliquota IVA deve essere una percentuale tra 0 e 100, con al massimo due decimali.",
    );
  const en = label(input.labelEn, { en: 'English label', it: "L'etichetta in inglese" });
  const it = label(input.labelIt, { en: 'Italian label', it: "L'etichetta in italiano" });
  const natura = input.natura?.trim() ?? '';
  if (natura !== '' && !naturaCodes.some((n) => n === natura))
    throw new OfficeError(
      `"${natura}" is not a FatturaPA Natura code such as N3.1.`,
      `"${natura}" non è un codice Natura FatturaPA come N3.1.`,
    );
  if (natura !== '' && rate !== 0)
    throw new OfficeError(
      'Only a zero rate has a Natura code.',
      "Solo l'aliquota zero ha un codice Natura.",
    );
  const data: Record<string, unknown> = { rate, label: { it, en } };
  if (natura !== '') data.natura = natura;
  return upsertRefdata(storage, actor, 'vat_rate', String(rate), data, 'vat_rate.set');
};
