// Line input as the UI gives it (a catalog product by id), resolved to the domain's line input
// with the product and the document's price list loaded from the store.
import type { LineEdit, LineInput, LinePatch } from '../../../shared/domain/document-lines';
import { fail } from '../../../shared/domain/errors';
import type { Result } from '../../../shared/domain/errors';
import { ok } from '../../../shared/domain/errors';
import type { CommandEnv } from './command-kit';

type WriteInLine = Extract<LineInput, { kind: 'write_in' }>;

export type CommandLineInput =
  | WriteInLine
  | {
      kind: 'catalog';
      id?: string;
      productId: string;
      quantity: number;
      discount: number;
      vatRate?: number;
    };

export type CommandLineEdit =
  | { op: 'add'; line: CommandLineInput }
  | { op: 'update'; id: string; patch: LinePatch }
  | { op: 'remove'; id: string };

export const resolveLine = async (
  env: CommandEnv,
  priceListId: string | null,
  line: CommandLineInput,
): Promise<Result<LineInput>> => {
  if (line.kind === 'write_in') return ok(line);
  if (priceListId === null) {
    return fail(
      'line.price_list_missing',
      'Choose a price list before adding catalog products.',
      'Scegli un listino prima di aggiungere prodotti del catalogo.',
      'priceListId',
    );
  }
  const { productId, ...rest } = line;
  const product = await env.get('product', productId);
  const priceList = await env.get('pricelist', priceListId);
  return ok({ ...rest, product, priceList });
};

export const resolveEdits = async (
  env: CommandEnv,
  priceListId: string | null,
  edits: readonly CommandLineEdit[],
): Promise<Result<LineEdit[]>> => {
  const out: LineEdit[] = [];
  for (const edit of edits) {
    if (edit.op !== 'add') {
      out.push(edit);
      continue;
    }
    const line = await resolveLine(env, priceListId, edit.line);
    if (!line.ok) return line;
    out.push({ op: 'add', line: line.value });
  }
  return ok(out);
};
