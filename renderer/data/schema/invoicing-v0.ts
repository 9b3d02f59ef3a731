// Accounts, orders and invoices as first written (version 0), before the invoicing fields
// (shipping address, document language; document type, corrected invoice, payments, credits;
// the customer's PO reference). Kept so
// the migrations can be tested against a store really written with version 0.
import type { RxJsonSchema } from 'rxdb';
import type { Account, Invoice, Order } from '../../../shared/domain/records';
import { collectionSchemaOf } from '../../../shared/domain/rx-schemas';

export const accountV1Fields = ['shippingAddress', 'documentLanguage'] as const;
export const invoiceV1Fields = [
  'documentType',
  'correctedInvoiceId',
  'correctedInvoiceNumber',
  'correctedInvoiceDate',
  'payments',
  'credits',
] as const;

/** Invoices (v2) and orders (v1) later gained the customer's PO reference. */
const referenceFields = ['customerReference'] as const;

export type AccountV0 = Omit<Account, (typeof accountV1Fields)[number]>;
export type OrderV0 = Omit<Order, (typeof referenceFields)[number]>;
export type InvoiceV0 = Omit<
  Invoice,
  (typeof invoiceV1Fields)[number] | (typeof referenceFields)[number]
> & {
  state: 'active' | 'paid' | 'canceled';
  status: 'billed' | 'paid' | 'canceled';
};

const withoutFields = <T>(type: 'account' | 'invoice' | 'order', dropped: readonly string[]) => {
  const current = collectionSchemaOf(type);
  const properties = Object.fromEntries(
    Object.entries(current.properties).filter(([field]) => !dropped.includes(field)),
  );
  return {
    ...current,
    version: 0,
    properties,
    required: current.required.filter((field) => !dropped.includes(field)),
  } as unknown as RxJsonSchema<T>;
};

export const accountSchemaV0 = () => withoutFields<AccountV0>('account', accountV1Fields);
export const invoiceSchemaV0 = () =>
  withoutFields<InvoiceV0>('invoice', [...invoiceV1Fields, ...referenceFields]);
export const orderSchemaV0 = () => withoutFields<OrderV0>('order', referenceFields);
