// Document lines built with the real pricing rules, so every generated line and total is
// exactly what the app would compute.
import type { HeaderDiscount, Line, PriceList, Product } from '../domain/records';
import { catalogLine, writeInLine } from '../domain/pricing';
import { newId } from './common';
import type { Rng } from './prng';

export type CatalogIndex = {
  products: readonly Product[];
  priceLists: readonly PriceList[];
  byId: ReadonlyMap<string, Product>;
};

export const indexCatalog = (
  products: readonly Product[],
  priceLists: readonly PriceList[],
): CatalogIndex => ({
  products,
  priceLists,
  byId: new Map(products.map((p) => [p.id, p])),
});

/** A price list for a currency; EUR documents sometimes use the resellers' list. */
export const priceListFor = (rng: Rng, catalog: CatalogIndex, currency: string): PriceList => {
  const lists = catalog.priceLists.filter((l) => l.currency === currency);
  if (lists.length === 0) throw new RangeError(`no price list in ${currency}`);
  return rng.chance(0.8) ? (lists[0] as PriceList) : rng.pick(lists);
};

const fractionalUnits = new Set(['m', 'kg', 'l', 'h']);

// Fewer pieces of what costs more: a PLC by the unit, gloves by the dozen boxes.
const quantityFor = (rng: Rng, unit: string, unitPrice: number): number => {
  if (fractionalUnits.has(unit)) {
    // Lengths, weights and hours come in quarters or tenths: 12.5 m, 3.75 h.
    return unitPrice > 5_000 ? rng.int(2, 80) / 4 : rng.int(5, 2000) / 10;
  }
  const most = unitPrice > 50_000 ? 4 : unitPrice > 10_000 ? 12 : 60;
  return rng.chance(0.35) ? 1 : rng.int(1, most);
};

const mustLine = (result: ReturnType<typeof catalogLine>): Line => {
  if (!result.ok) throw new Error(`dataset line refused: ${result.error.message.en}`);
  return result.value;
};

/** 1..max lines of distinct catalog products, sometimes a write-in service. */
export const generateLines = (
  rng: Rng,
  catalog: CatalogIndex,
  priceList: PriceList,
  atMs: number,
  min: number,
  max: number,
): Line[] => {
  const count = rng.int(min, max);
  const items = priceList.items.filter((i) => catalog.byId.get(i.productId)?.active === true);
  const used = new Set<string>();
  const lines: Line[] = [];
  for (let n = 0; n < count && used.size < items.length; n++) {
    if (rng.chance(0.08)) {
      lines.push(
        mustLine(
          writeInLine({
            id: newId(rng, atMs),
            name: rng.pick([
              'Trasporto dedicato',
              'Personalizzazione con logo',
              'Sopralluogo tecnico',
            ]),
            unitPrice: rng.int(5, 80) * 1000,
            quantity: 1,
            discount: 0,
            vatRate: 2200,
            unit: 'pz',
          }),
        ),
      );
      continue;
    }
    let item = rng.pick(items);
    while (used.has(item.productId)) item = rng.pick(items);
    used.add(item.productId);
    const product = catalog.byId.get(item.productId) as Product;
    const quantity = quantityFor(rng, item.unit || product.unit, item.unitPrice);
    const draft = mustLine(
      catalogLine({
        id: newId(rng, atMs),
        product,
        priceList,
        currency: priceList.currency,
        quantity,
        discount: 0,
      }),
    );
    // A manual discount on some lines: 3–15% of the line, in whole cents.
    const discount = rng.chance(0.25) ? Math.floor((draft.amount * rng.int(3, 15)) / 100) : 0;
    lines.push(
      discount === 0
        ? draft
        : mustLine(
            catalogLine({
              id: draft.id,
              product,
              priceList,
              currency: priceList.currency,
              quantity,
              discount,
            }),
          ),
    );
  }
  return lines;
};

/** The same lines under fresh ids: a quote copied into an order keeps its content. */
export const copyLines = (rng: Rng, lines: readonly Line[], atMs: number): Line[] =>
  lines.map((line) => ({ ...line, id: newId(rng, atMs) }));

export const randomHeaderDiscount = (rng: Rng, linesTotal: number): HeaderDiscount | null => {
  const r = rng.next();
  if (r < 0.35) return { kind: 'percent', value: rng.int(4, 20) * 50 }; // 2%–10%
  if (r < 0.45 && linesTotal > 10_000) {
    return { kind: 'amount', value: Math.floor((linesTotal * rng.int(2, 8)) / 10_000) * 100 };
  }
  return null;
};

export const randomFreight = (rng: Rng): number => (rng.chance(0.4) ? rng.int(10, 250) * 100 : 0);
