// The catalog as the administrator manages it: one price changed on a screen, or the whole
// CSV imported with the command line's checks (catalog.ts), each audited.
import type { PriceList, Product } from '../../../shared/domain/records';
import type { AdminCatalog, PriceChangeRequest } from '../../../shared/office/admin-api';
import type { ImportReport } from '../catalog';
import { importCatalog } from '../catalog';
import { newId } from '../ids';
import { OFFICE_OWNER_ID, OfficeError, writeOfficeDocs } from '../office';
import type { Storage } from '../storage/types';
import type { AdminActor } from './audit';
import { recordAudit } from './audit';

// The largest unit price the record schema takes, in minor units.
const MAX_UNIT_PRICE = 1e13;

export const adminCatalog = async (storage: Storage): Promise<AdminCatalog> => {
  const live = async <T>(collection: 'products' | 'pricelists'): Promise<T[]> =>
    (await storage.allDocs(collection)).filter((d) => !d.deleted).map((d) => d.doc as T);
  return {
    products: await live<Product>('products'),
    priceLists: await live<PriceList>('pricelists'),
  };
};

export const adminSetPrice = async (
  storage: Storage,
  actor: AdminActor,
  change: PriceChangeRequest,
): Promise<PriceList> => {
  const { priceListId, productId, unitPrice } = change;
  if (!Number.isSafeInteger(unitPrice) || unitPrice < 0 || unitPrice > MAX_UNIT_PRICE)
    throw new OfficeError(
      'The price must be an amount of zero or more, in cents.',
      'Il prezzo deve essere un importo pari o superiore a zero, in centesimi.',
    );
  const stored = (await storage.getDocs('pricelists', [priceListId])).get(priceListId);
  const product = (await storage.getDocs('products', [productId])).get(productId);
  if (!stored || stored.deleted)
    throw new OfficeError('There is no such price list.', 'Questo listino non esiste.');
  if (!product || product.deleted)
    throw new OfficeError('There is no such product.', 'Questo prodotto non esiste.');
  const list = stored.doc as unknown as PriceList;
  const { unit, sku } = product.doc as unknown as Product;
  const item = list.items.find((i) => i.productId === productId);
  const items = item
    ? list.items.map((i) => (i === item ? { ...i, unitPrice } : i))
    : [...list.items, { id: newId(), productId, unit, unitPrice }];
  const now = new Date().toISOString();
  const next: PriceList = { ...list, items, updatedAt: now, updatedBy: OFFICE_OWNER_ID };
  await writeOfficeDocs(storage, 'pricelists', [next]);
  await recordAudit(
    storage,
    actor,
    'catalog.price',
    `${list.name} (${list.currency}) · ${sku}`,
    { unitPrice: item?.unitPrice ?? null, currency: list.currency },
    { unitPrice, currency: list.currency },
  );
  return next;
};

/** Imports the CSV; when any line is wrong nothing is imported and the report says why. */
export const adminImportCatalog = async (
  storage: Storage,
  actor: AdminActor,
  csv: string,
): Promise<ImportReport> => {
  const report = await importCatalog(storage, csv);
  if (report.lines.length === 0)
    await recordAudit(storage, actor, 'catalog.import', 'catalog', null, {
      products: report.products,
      priceLists: report.priceLists,
    });
  return report;
};
