// Editing the embedded lines of an opportunity or a draft quote: add a catalog or write-in
// line, change quantity/discount/VAT (and the price of a write-in), remove a line.
import type { RuleContext } from './context';
import type { Result } from './errors';
import { fail, ok } from './errors';
import type { CatalogLineInput, WriteInLineInput } from './pricing';
import { catalogLine, writeInLine } from './pricing';
import type { Line } from './records';

/** A new line: a catalog product priced from the price list, or a write-in product. */
export type LineInput =
  | ({ kind: 'catalog'; id?: string } & Omit<CatalogLineInput, 'id' | 'currency'>)
  | ({ kind: 'write_in'; id?: string } & Omit<WriteInLineInput, 'id'>);

/** Changes to a line; price, name, unit and SKU only for write-in lines. */
export type LinePatch = {
  quantity?: number;
  discount?: number;
  vatRate?: number;
  unitPrice?: number;
  name?: string;
  description?: string;
  unit?: string;
  sku?: string;
};

export type LineEdit =
  | { op: 'add'; line: LineInput }
  | { op: 'update'; id: string; patch: LinePatch }
  | { op: 'remove'; id: string };

type Priced = { currency: string; priceListId: string | null; lines: readonly Line[] };

const lineNotFound = (id: string): Result<never> =>
  fail(
    'lines.not_found',
    'This line is no longer on the document.',
    'Questa riga non è più presente nel documento.',
    `lines.${id}`,
  );

const addLine = (doc: Priced, input: LineInput, ctx: RuleContext): Result<Priced> => {
  const id = input.id ?? ctx.newId();
  if (doc.lines.some((l) => l.id === id)) {
    return fail(
      'lines.duplicate_id',
      'The document already has a line with this id.',
      'Il documento ha già una riga con questo identificativo.',
      'lines',
    );
  }
  if (input.kind === 'write_in') {
    const line = writeInLine({ ...input, id });
    return line.ok ? ok({ ...doc, lines: [...doc.lines, line.value] }) : line;
  }
  // All catalog lines of a document come from its one price list.
  if (doc.priceListId !== null && doc.priceListId !== input.priceList.id) {
    return fail(
      'lines.price_list_mismatch',
      'The product must be priced from the price list of the document.',
      'Il prodotto deve essere prezzato dal listino del documento.',
      'priceListId',
    );
  }
  const line = catalogLine({ ...input, id, currency: doc.currency });
  return line.ok
    ? ok({ ...doc, priceListId: input.priceList.id, lines: [...doc.lines, line.value] })
    : line;
};

const updateLine = (doc: Priced, id: string, patch: LinePatch): Result<Priced> => {
  const index = doc.lines.findIndex((l) => l.id === id);
  const line = doc.lines[index];
  if (line === undefined) return lineNotFound(id);
  const catalog = line.productId !== null;
  const fixed = ['unitPrice', 'name', 'unit', 'sku'] as const;
  const touchedFixed = fixed.find((f) => patch[f] !== undefined && patch[f] !== line[f]);
  if (catalog && touchedFixed !== undefined) {
    return fail(
      'lines.catalog_fields_fixed',
      'Price, name, unit and code of a catalog product come from the catalog; use a discount instead.',
      'Prezzo, nome, unità e codice di un prodotto a catalogo vengono dal catalogo; usa uno sconto.',
      touchedFixed,
    );
  }
  // Re-run every line check on the merged fields (quantity > 0, discount ≤ amount…).
  const rebuilt = writeInLine({
    id: line.id,
    name: patch.name ?? line.name,
    unitPrice: patch.unitPrice ?? line.unitPrice,
    quantity: patch.quantity ?? line.quantity,
    discount: patch.discount ?? line.discount,
    vatRate: patch.vatRate ?? line.vatRate,
    unit: patch.unit ?? line.unit,
    description: patch.description ?? line.description,
    sku: patch.sku ?? line.sku,
  });
  if (!rebuilt.ok) return rebuilt;
  const lines = [...doc.lines];
  lines[index] = { ...rebuilt.value, productId: line.productId };
  return ok({ ...doc, lines });
};

/** Applies line edits in order; the first failing edit fails them all. */
export const applyLineEdits = <T extends Priced>(
  doc: T,
  edits: readonly LineEdit[],
  ctx: RuleContext,
): Result<T> => {
  let current: Priced = doc;
  for (const edit of edits) {
    let next: Result<Priced>;
    if (edit.op === 'add') next = addLine(current, edit.line, ctx);
    else if (edit.op === 'update') next = updateLine(current, edit.id, edit.patch);
    else if (current.lines.some((l) => l.id === edit.id)) {
      next = ok({ ...current, lines: current.lines.filter((l) => l.id !== edit.id) });
    } else next = lineNotFound(edit.id);
    if (!next.ok) return next;
    current = next.value;
  }
  return ok({ ...doc, priceListId: current.priceListId, lines: [...current.lines] });
};
