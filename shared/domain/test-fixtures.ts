// Builders for the domain's tests: a deterministic rule context, catalog records and an
// in-memory store that applies Effects the way a device store would, one write at a time.
import type { Actor, RuleContext } from './context';
import type { Effects, Write } from './effects';
import type { Result } from './errors';
import { uuidv7 } from './ids';
import type { Order, PriceList, Product, RecordOf, RecordType } from './records';

export const seller: Actor = { userId: 'user-seller', role: 'seller', teamId: 'team-north' };
export const admin: Actor = { userId: 'user-admin', role: 'admin', teamId: null };

/** A context at a fixed instant whose ids are UUIDv7s counting up from a seed. */
export const makeCtx = (
  now = '2026-03-10T09:00:00.000Z',
  actor: Actor = seller,
  seed = 1,
): RuleContext => {
  let n = seed * 1000;
  return {
    actor,
    now,
    newId: () => {
      n++;
      const random = new Uint8Array(10);
      random[6] = (n >>> 24) & 0xff;
      random[7] = (n >>> 16) & 0xff;
      random[8] = (n >>> 8) & 0xff;
      random[9] = n & 0xff;
      return uuidv7(Date.parse(now), random);
    },
  };
};

export const unwrap = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message.en}`);
  return result.value;
};

export const errorCode = <T>(result: Result<T>): string => (result.ok ? 'ok' : result.error.code);

const audit = (id: string) => ({
  id,
  ownerId: admin.userId,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: admin.userId,
});

export const product = (id: string, sku: string, vatRate = 2200, active = true): Product => ({
  ...audit(id),
  sku,
  name: `Product ${sku}`,
  description: '',
  unit: 'pc',
  family: 'machines',
  vatRate,
  active,
  searchTerms: [sku.toLowerCase()],
});

export const priceList = (
  id: string,
  items: readonly { productId: string; unitPrice: number }[],
  currency = 'EUR',
): PriceList => ({
  ...audit(id),
  name: `List ${id}`,
  currency,
  validFrom: null,
  validTo: null,
  items: items.map((item, i) => ({ id: `${id}-item-${i}`, unit: '', ...item })),
});

/** A store of documents by type and id, written one Write at a time. */
export class MemoryStore {
  private readonly docs = new Map<RecordType, Map<string, RecordOf[RecordType]>>();

  put(w: Write): void {
    let byId = this.docs.get(w.type);
    if (byId === undefined) {
      byId = new Map();
      this.docs.set(w.type, byId);
    }
    byId.set(w.doc.id, structuredClone(w.doc));
  }

  /** Applies the writes of an effect, or only the first `limit` (a crash in between). */
  apply(effects: Effects, limit = effects.writes.length): void {
    effects.writes.slice(0, limit).forEach((w) => this.put(w));
  }

  get<K extends RecordType>(type: K, id: string): RecordOf[K] | undefined {
    return this.docs.get(type)?.get(id) as RecordOf[K] | undefined;
  }

  all<K extends RecordType>(type: K): RecordOf[K][] {
    return [...(this.docs.get(type)?.values() ?? [])] as RecordOf[K][];
  }

  snapshot(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [type, byId] of [...this.docs.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      out[type] = Object.fromEntries([...byId.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
    }
    return out;
  }
}

const line = {
  id: 'l-1',
  productId: null,
  sku: '',
  name: 'Pompa',
  description: '',
  unit: 'pc',
  quantity: 2,
  unitPrice: 10_000,
  discount: 0,
  vatRate: 2200,
  amount: 20_000,
};
/** An active order with one line and consistent totals. */
export const sampleOrder = (patch: Partial<Order> = {}): Order => ({
  id: 'o-1',
  ownerId: 'user-seller',
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  updatedBy: 'user-seller',
  number: 'ORD-AB-00001',
  name: 'Impianto',
  quoteId: 'q-1',
  opportunityId: 'op-1',
  accountId: 'a-1',
  currency: 'EUR',
  priceListId: null,
  lines: [line],
  headerDiscount: null,
  freight: 0,
  freightVatRate: 2200,
  totals: {
    linesTotal: 20_000,
    discountTotal: 0,
    freight: 0,
    taxableTotal: 20_000,
    vat: [{ rate: 2200, base: 20_000, tax: 4_400 }],
    vatTotal: 4_400,
    grandTotal: 24_400,
  },
  pricesLocked: true,
  requestedDeliveryDate: null,
  fulfilledDate: null,
  customerReference: '',
  state: 'active',
  status: 'new',
  ...patch,
});
