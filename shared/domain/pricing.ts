// Lines of opportunities, quotes, orders and invoices (DESIGN.md §3): a catalog product
// priced from the document's price list, or a write-in product with a typed price.
import type { Result } from './errors';
import { fail, ok } from './errors';
import { grossAmount, lineAmount, roundQuantity } from './money';
import type { Line, PriceList, Product } from './records';

const MAX_QUANTITY = 1e9;
const MAX_MINOR = 1e13;

const checkQuantity = (quantity: number): Result<number> => {
  if (!Number.isFinite(quantity) || quantity > MAX_QUANTITY) {
    return fail(
      'pricing.quantity_invalid',
      'The quantity is not a valid number.',
      'La quantità non è un numero valido.',
      'quantity',
    );
  }
  const rounded = quantity > 0 ? roundQuantity(quantity) : 0;
  if (rounded <= 0) {
    return fail(
      'pricing.quantity_not_positive',
      'The quantity must be greater than zero.',
      'La quantità deve essere maggiore di zero.',
      'quantity',
    );
  }
  return ok(rounded);
};

const checkUnitPrice = (unitPrice: number): Result<void> =>
  Number.isSafeInteger(unitPrice) && unitPrice >= 0 && unitPrice <= MAX_MINOR
    ? ok(undefined)
    : fail(
        'pricing.unit_price_invalid',
        'The unit price must be an amount of zero or more.',
        'Il prezzo unitario deve essere un importo pari o superiore a zero.',
        'unitPrice',
      );

const checkVatRate = (vatRate: number): Result<void> =>
  Number.isInteger(vatRate) && vatRate >= 0 && vatRate <= 10000
    ? ok(undefined)
    : fail(
        'pricing.vat_rate_invalid',
        'The VAT rate must be between 0% and 100%.',
        "L'aliquota IVA deve essere compresa tra 0% e 100%.",
        'vatRate',
      );

const checkDiscount = (discount: number, gross: number): Result<void> => {
  if (!Number.isSafeInteger(discount) || discount < 0) {
    return fail(
      'pricing.discount_negative',
      'The discount must be an amount of zero or more.',
      'Lo sconto deve essere un importo pari o superiore a zero.',
      'discount',
    );
  }
  if (discount > gross) {
    return fail(
      'pricing.discount_exceeds_amount',
      'The discount is larger than the amount of the line.',
      "Lo sconto supera l'importo della riga.",
      'discount',
    );
  }
  return ok(undefined);
};

/** Shared checks of both line kinds; returns the line with its amount computed. */
const buildLine = (fields: Omit<Line, 'amount'>): Result<Line> => {
  const quantity = checkQuantity(fields.quantity);
  if (!quantity.ok) return quantity;
  for (const check of [checkUnitPrice(fields.unitPrice), checkVatRate(fields.vatRate)]) {
    if (!check.ok) return check;
  }
  const gross = grossAmount(fields.unitPrice, quantity.value);
  const discount = checkDiscount(fields.discount, gross);
  if (!discount.ok) return discount;
  if (gross > MAX_MINOR) {
    return fail(
      'pricing.amount_too_large',
      'The amount of the line is too large.',
      "L'importo della riga è troppo grande.",
      'quantity',
    );
  }
  return ok({ ...fields, quantity: quantity.value, amount: gross - fields.discount });
};

export type CatalogLineInput = {
  id: string;
  product: Product;
  priceList: PriceList;
  /** The document's currency; the price list must be in the same one. */
  currency: string;
  quantity: number;
  discount: number;
  /** Overrides the product's default VAT rate (e.g. a reduced rate for this customer). */
  vatRate?: number;
};

/** A line for a catalog product, priced from the document's price list. */
export const catalogLine = (input: CatalogLineInput): Result<Line> => {
  const { product, priceList } = input;
  if (priceList.currency !== input.currency) {
    return fail(
      'pricing.currency_mismatch',
      `The price list is in ${priceList.currency} but the document is in ${input.currency}.`,
      `Il listino è in ${priceList.currency} ma il documento è in ${input.currency}.`,
      'priceListId',
    );
  }
  if (!product.active) {
    return fail(
      'pricing.product_retired',
      `The product ${product.sku} is retired and can no longer be sold.`,
      `Il prodotto ${product.sku} è dismesso e non può più essere venduto.`,
      'productId',
    );
  }
  const item = priceList.items.find((i) => i.productId === product.id);
  if (item === undefined) {
    return fail(
      'pricing.product_not_in_price_list',
      `The product ${product.sku} is not in the price list ${priceList.name}.`,
      `Il prodotto ${product.sku} non è presente nel listino ${priceList.name}.`,
      'productId',
    );
  }
  return buildLine({
    id: input.id,
    productId: product.id,
    sku: product.sku,
    name: product.name,
    description: product.description,
    unit: item.unit || product.unit,
    quantity: input.quantity,
    unitPrice: item.unitPrice,
    discount: input.discount,
    vatRate: input.vatRate ?? product.vatRate,
  });
};

export type WriteInLineInput = {
  id: string;
  name: string;
  unitPrice: number;
  quantity: number;
  discount: number;
  vatRate: number;
  unit?: string;
  description?: string;
  sku?: string;
};

/** A line for a write-in product: no catalog entry, the price is typed in. */
export const writeInLine = (input: WriteInLineInput): Result<Line> => {
  const name = input.name.trim();
  if (name === '') {
    return fail(
      'pricing.name_required',
      'A write-in product needs a name.',
      'Un prodotto non a catalogo richiede un nome.',
      'name',
    );
  }
  return buildLine({
    id: input.id,
    productId: null,
    sku: input.sku ?? '',
    name,
    description: input.description ?? '',
    unit: input.unit ?? '',
    quantity: input.quantity,
    unitPrice: input.unitPrice,
    discount: input.discount,
    vatRate: input.vatRate,
  });
};

/** The line with its amount recomputed from unit price, quantity and discount. */
export const recomputeLine = (line: Line): Line => ({
  ...line,
  amount: lineAmount(line.unitPrice, line.quantity, line.discount),
});

/** True when the stored amount is what the other fields say (server-side check). */
export const lineIsConsistent = (line: Line): boolean =>
  Number.isSafeInteger(line.unitPrice) &&
  Number.isSafeInteger(line.discount) &&
  Number.isFinite(line.quantity) &&
  lineAmount(line.unitPrice, line.quantity, line.discount) === line.amount;

/** Changes the document's currency; refused while it has lines priced in the old one. */
export const changeCurrency = <T extends { currency: string; lines: readonly Line[] }>(
  doc: T,
  currency: string,
): Result<T> => {
  if (!/^[A-Z]{3}$/.test(currency)) {
    return fail(
      'pricing.currency_invalid',
      `${currency} is not a currency code such as EUR.`,
      `${currency} non è un codice valuta come EUR.`,
      'currency',
    );
  }
  if (currency === doc.currency) return ok(doc);
  if (doc.lines.length > 0) {
    return fail(
      'pricing.currency_locked',
      'The currency cannot be changed while the document has lines. Remove the lines first.',
      'Non è possibile cambiare la valuta mentre il documento ha delle righe. Rimuovi prima le righe.',
      'currency',
    );
  }
  return ok({ ...doc, currency });
};

/** Estimated revenue computed by the system: the sum of the line amounts. */
export const systemEstimatedRevenue = (lines: readonly Line[]): number =>
  lines.reduce((sum, line) => sum + line.amount, 0);
