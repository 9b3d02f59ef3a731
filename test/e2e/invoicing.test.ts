// Invoicing through the UI, offline, in Italian and in English: the account's SDI code edited
// in its form, the invoice issued, a partial payment, the rest canceled with a credit note;
// then online, the account, the invoice and its credit note are on the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AppPage } from './pages/app-page';
import { DocumentPages } from './pages/document-pages';
import { InvoicingPages } from './pages/invoicing-pages';
import { LeadPages } from './pages/lead-pages';
import { chromiumAvailable, chromiumPath, launchChromium } from './support/browser';
import { translator } from './support/i18n';
import type { TestLocale } from './support/i18n';
import type { Stack } from './support/stack';
import { pullAll, startStack } from './support/stack';

const canRun = chromiumAvailable();
if (!canRun) console.warn(`e2e skipped: no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);

const intl: Record<TestLocale, string> = { en: 'en-GB', it: 'it-IT' };
// A write-in line of 150.50 at 22% VAT: its credit note comes to 150.50 + 33.11.
const WRITE_IN_GROSS = 15_050 + 3_311;

describe.skipIf(!canRun)('invoicing through the UI, offline', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  describe.each(['it', 'en'] as const)('in %s', (locale) => {
    const t = translator(locale);
    const suffix = `${locale}${Date.now().toString(36)}`;
    const company = `Officine Neri ${suffix}`;
    const service = `Montaggio ${suffix}`;
    const sdiCode = locale === 'it' ? 'M5UXCR1' : 'KRRH6B9';
    let invoiceNumber = '';
    let paid = 0;

    it('edits the SDI code, invoices, takes a partial payment and credits the rest', async () => {
      const context = await browser.newContext({
        locale: intl[locale],
        viewport: { width: 1366, height: 900 },
      });
      const app = new AppPage(await context.newPage(), t, locale);
      const leads = new LeadPages(app);
      const docs = new DocumentPages(app);
      const invoicing = new InvoicingPages(app);
      await app.open(stack.appUrl);
      await app.signIn(stack.seller.email, stack.seller.password);
      await app.waitForSynced();
      await context.setOffline(true);
      await app.waitForOffline();

      await leads.capture({
        firstName: 'Sara',
        lastName: `Neri ${suffix}`,
        company,
        email: `sara.${suffix}@neri.example`,
      });
      await leads.openFromList(company, `Sara Neri ${suffix}`);
      await leads.qualify();
      await docs.setEstimatedCloseDate('2027-03-31');
      // The opportunity is named after the customer; its page is where the sale goes on.
      const opportunityUrl = app.page.url();
      await app.page.getByRole('link', { name: company }).first().click();
      await app.page.getByRole('heading', { level: 1, name: company }).waitFor();
      // A wrong check digit is refused by the field, in the UI's language.
      const refusal = await invoicing.refusedVatNumber('IT01234567890');
      expect(refusal).toContain(locale === 'it' ? 'cifra di controllo' : 'check digit');
      await invoicing.editSdiCode(sdiCode.toLowerCase());
      await app.screenshot('account-edited');
      await app.page
        .getByRole('link', { name: `Sara Neri ${suffix}` })
        .first()
        .click();
      await app.page.getByRole('heading', { level: 1, name: `Sara Neri ${suffix}` }).waitFor();
      await app.page.goto(opportunityUrl);
      await app.page.getByRole('navigation', { name: t('opportunity.processBar') }).waitFor();

      await docs.addCatalogLine('', '2');
      await docs.addWriteInLine(service, locale === 'it' ? '150,50' : '150.50', '1');
      await docs.newQuote();
      await docs.activateQuote();
      await docs.createOrder();
      await docs.fulfil();
      await docs.createInvoice();
      invoiceNumber = await docs.numberFromHeading('invoice.detail');

      // Pay everything but the service, then credit the service: nothing is left open.
      const total = await invoicing.openBalance();
      paid = total - WRITE_IN_GROSS;
      await invoicing.recordPayment(paid);
      expect(await invoicing.openBalance()).toBe(WRITE_IN_GROSS);
      await app.page.getByText(t('invoice.states.active'), { exact: true }).first().waitFor();
      await app.screenshot('invoice-partly-paid');
      await invoicing.creditOnly(service);
      await app.screenshot('credit-note');
      await app.page.getByRole('link', { name: invoiceNumber, exact: true }).first().click();
      await app.page
        .getByRole('heading', { level: 1, name: t('invoice.detail', { number: invoiceNumber }) })
        .waitFor();
      await app.page.getByText(t('invoice.states.paid'), { exact: true }).first().waitFor();
      expect(await invoicing.openBalance()).toBe(0);
      await app.screenshot('invoice-settled');

      await context.setOffline(false);
      await app.waitForSynced();
      await app.go('sync');
      expect(await app.page.locator('main').innerText()).toContain(t('sync.noRejected'));
      await context.close();
    }, 240_000);

    it('finds the account, the invoice and its credit note on the server', async () => {
      const accounts = await pullAll(stack, 'accounts');
      expect(accounts.find((a) => a.name === company)?.sdiCode).toBe(sdiCode);
      const invoices = await pullAll(stack, 'invoices');
      const invoice = invoices.find((d) => d.number === invoiceNumber);
      expect(invoice).toMatchObject({ state: 'paid', documentType: 'invoice' });
      expect(invoice?.payments).toEqual([
        expect.objectContaining({ method: 'card', amount: paid }),
      ]);
      const creditNote = invoices.find((d) => d.correctedInvoiceId === invoice?.id);
      expect(creditNote).toMatchObject({
        documentType: 'creditNote',
        state: 'issued',
        correctedInvoiceNumber: invoiceNumber,
        totals: expect.objectContaining({ grandTotal: WRITE_IN_GROSS }),
      });
      expect(String(creditNote?.number)).toMatch(/^NC\/\d{4}\/[A-Z0-9]+\/\d{5}$/);
      expect(invoice?.credits).toEqual([
        expect.objectContaining({ creditNoteId: creditNote?.id, number: creditNote?.number }),
      ]);
    });
  });
});
