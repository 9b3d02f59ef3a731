// Page models of the opportunity, quote, order and invoice screens.
import type { Locator } from 'playwright-core';
import type { AppPage } from './app-page';

export class DocumentPages {
  constructor(private readonly app: AppPage) {}

  private button(name: string): Locator {
    return this.app.page.getByRole('button', { name, exact: true });
  }

  /** Picks the first catalog product matching `query`, then adds it with the dialog's Add. */
  async addCatalogLine(query: string, quantity: string): Promise<void> {
    const { page, t } = this.app;
    await this.button(t('lines.addCatalog')).click();
    const dialog = page.getByRole('dialog', { name: t('lines.addTitleCatalog') });
    await dialog.getByLabel(t('lines.catalogSearch'), { exact: true }).fill(query);
    await dialog.getByLabel(t('lines.quantity'), { exact: true }).fill(quantity);
    const results = dialog.getByRole('list', { name: t('lines.catalogResults') });
    await results.getByRole('button').first().waitFor();
    await results.getByRole('button').first().click();
    await results.locator('[aria-pressed="true"]').waitFor();
    await this.app.screenshot('catalog-search');
    await dialog.getByRole('button', { name: new RegExp(`^${t('common.add')}`) }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async addWriteInLine(name: string, price: string, quantity: string): Promise<void> {
    const { page, t } = this.app;
    await this.button(t('lines.addWriteIn')).click();
    const dialog = page.getByRole('dialog', { name: t('lines.addTitleWriteIn') });
    await dialog.getByLabel(new RegExp(`^${t('lines.writeInName')}`)).fill(name);
    await dialog.getByLabel(new RegExp(`^${t('lines.unitPrice')}`)).fill(price);
    await dialog.getByLabel(t('lines.quantity'), { exact: true }).fill(quantity);
    await dialog.getByRole('button', { name: t('common.add') }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('row', { name: new RegExp(name) }).waitFor();
  }

  lineRows(): Locator {
    return this.app.page
      .getByRole('table', { name: this.app.t('lines.title') })
      .locator('tbody tr');
  }

  /** Sets the opportunity's estimated close date (a gate of the later stages) and saves. */
  async setEstimatedCloseDate(isoDate: string): Promise<void> {
    const { page, t } = this.app;
    const form = page.getByRole('form', { name: t('common.details') });
    const [year, month, day] = isoDate.split('-');
    // Typed the way the seller reads dates: day first in both languages.
    await form
      .getByLabel(t('opportunity.estimatedCloseDate'), { exact: true })
      .fill(`${day}/${month}/${year}`);
    await form.getByRole('button', { name: t('common.save'), exact: true }).click();
    await form
      .getByRole('button', { name: t('common.save'), exact: true })
      .and(page.locator(':disabled'))
      .waitFor();
  }

  /** Logs an activity (note, phone call, task…) on the current record's timeline. */
  async logActivity(typeKey: string, subject: string): Promise<void> {
    const { page, t } = this.app;
    const form = page.getByRole('form', { name: t('timeline.add') });
    await form
      .getByLabel(t('timeline.type'), { exact: true })
      .selectOption({ label: t(`timeline.types.${typeKey}`) });
    await form.getByLabel(t('timeline.subject'), { exact: true }).fill(subject);
    await form.getByRole('button', { name: t('timeline.add') }).click();
    await page
      .getByRole('list', { name: t('timeline.title') })
      .getByText(subject)
      .waitFor();
  }

  async newQuote(): Promise<void> {
    await this.button(this.app.t('opportunity.newQuote')).click();
    await this.button(this.app.t('quote.activate')).waitFor();
  }

  async setFreight(amount: string): Promise<void> {
    const { page, t } = this.app;
    await page.getByLabel(new RegExp(`^${t('quote.freight')}`)).fill(amount);
    await this.button(t('common.save')).click();
    await this.button(t('common.save')).and(page.locator(':disabled')).waitFor();
  }

  async activateQuote(): Promise<void> {
    await this.button(this.app.t('quote.activate')).click();
    await this.button(this.app.t('quote.createOrder')).waitFor();
  }

  async reviseQuote(): Promise<void> {
    await this.button(this.app.t('quote.revise')).click();
    await this.button(this.app.t('quote.activate')).waitFor();
  }

  /** Creates the order, with the customer's PO reference when one is given. */
  async createOrder(customerReference = ''): Promise<void> {
    const { page, t } = this.app;
    await this.button(t('quote.createOrder')).click();
    const dialog = page.getByRole('dialog', { name: t('quote.createOrderTitle') });
    if (customerReference !== '') {
      await dialog
        .getByLabel(t('documents.customerReference'), { exact: true })
        .fill(customerReference);
    }
    await dialog.getByRole('button', { name: t('quote.createOrder') }).click();
    await this.button(t('order.fulfil')).waitFor();
  }

  /** On an order's page: corrects the customer's PO reference through its dialog. */
  async editCustomerReference(customerReference: string): Promise<void> {
    const { page, t } = this.app;
    await this.button(t('order.editCustomerReference')).click();
    const dialog = page.getByRole('dialog', { name: t('order.customerReferenceTitle') });
    await dialog
      .getByLabel(t('documents.customerReference'), { exact: true })
      .fill(customerReference);
    await this.app.screenshot('order-customer-reference');
    await dialog.getByRole('button', { name: t('common.save'), exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(customerReference, { exact: true }).first().waitFor();
  }

  async fulfil(): Promise<void> {
    await this.button(this.app.t('order.fulfil')).click();
    await this.button(this.app.t('order.createInvoice')).waitFor();
  }

  async createInvoice(): Promise<void> {
    await this.button(this.app.t('order.createInvoice')).click();
    await this.button(this.app.t('invoice.markPaid')).waitFor();
  }

  async markPaid(): Promise<void> {
    await this.button(this.app.t('invoice.markPaid')).click();
    await this.app.page
      .getByText(this.app.t('invoice.statuses.paid'), { exact: true })
      .first()
      .waitFor();
  }

  /** The document number shown in the page title ("Offerta Q-AB-1" → "Q-AB-1"). */
  async numberFromHeading(key: string): Promise<string> {
    const prefix = this.app.t(key, { number: '' }).trim();
    const text = (await this.app.heading().innerText()).trim();
    return text.replace(prefix, '').trim().split(/\s+/)[0] ?? '';
  }
}
