// Order commands: lock prices, the customer's reference, fulfil, cancel, create the invoice.
import { written } from '../../../shared/domain/effects';
import type { Effects } from '../../../shared/domain/effects';
import type { CreateInvoiceInput } from '../../../shared/domain/order';
import {
  cancelOrder,
  createInvoiceFromOrder,
  fulfilOrder,
  invoiceIdForOrder,
  lockOrderPrices,
  setOrderCustomerReference,
  unlockOrderPrices,
} from '../../../shared/domain/order';
import type { Invoice, Order } from '../../../shared/domain/records';
import { command } from './command-kit';

const orderOf = (effects: Effects): Order => written(effects, 'order') as Order;
const invoiceOf = (effects: Effects): Invoice => written(effects, 'invoice') as Invoice;

export const orderCommandDefs = {
  lockPrices: command(
    async (env, input: { id: string }) =>
      lockOrderPrices(await env.get('order', input.id), env.ctx),
    orderOf,
  ),
  unlockPrices: command(
    async (env, input: { id: string }) =>
      unlockOrderPrices(await env.get('order', input.id), env.ctx),
    orderOf,
  ),
  fulfil: command(
    async (env, input: { id: string; fulfilledDate?: string }) =>
      fulfilOrder(await env.get('order', input.id), input, env.ctx),
    orderOf,
  ),
  setCustomerReference: command(
    async (env, input: { id: string; customerReference: string }) =>
      setOrderCustomerReference(await env.get('order', input.id), input.customerReference, env.ctx),
    orderOf,
  ),
  cancel: command(
    async (env, input: { id: string }) => cancelOrder(await env.get('order', input.id), env.ctx),
    orderOf,
  ),
  /** Idempotent: marks the order invoiced and answers the invoice (number reused on a retry). */
  createInvoice: command(async (env, input: { id: string } & CreateInvoiceInput) => {
    const { id, ...rest } = input;
    const order = await env.get('order', id);
    const existing = await env.find('invoice', invoiceIdForOrder(id));
    const numbering = await env.numbering();
    return createInvoiceFromOrder({ order, numbering, existing }, rest, env.ctx);
  }, invoiceOf),
};
