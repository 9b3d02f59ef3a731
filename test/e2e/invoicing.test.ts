// Invoicing through the UI, offline, in Italian and in English: the account's SDI code edited
// in its form, the customer's PO reference given with the order, the invoice issued and its
// PDF and FatturaPA XML saved, a partial payment, the rest canceled with a credit note whose
// PDF and XML are saved too; then online, the account, the invoice and its credit note are on
// the server.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { invalid, schemas, validateAll } from '../documents/xmllint';
import { DocumentPages } from './pages/document-pages';
import { InvoicingPages } from './pages/invoicing-pages';
import { LeadPages } from './pages/lead-pages';
import { translator } from './support/i18n';
import { pullAll } from './support/stack';
import { describeE2e, sharedSetup, useE2e } from './support/fixture';

// A write-in line of 150.50 at 22% VAT: its credit note comes to 150.50 + 33.11.
const WRITE_IN_GROSS = 15_050 + 3_311;

const pdfText = (file: string): string =>
  execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
    /[ \t]+/g,
    ' ',
  );

describeE2e('invoicing through the UI, offline', () => {
  const e2e = useE2e();

  describe.each(['it', 'en'] as const)('in %s', (locale) => {
    const t = translator(locale);
    const suffix = `${locale}${Date.now().toString(36)}`;
    const company = `Officine Neri ${suffix}`;
    const service = `Montaggio ${suffix}`;
    const sdiCode = locale === 'it' ? 'M5UXCR1' : 'KRRH6B9';
    const poReference = `PO-${suffix}`.slice(0, 20);

    // The sale whose invoice the later test reads on the server: made by the first test that
    // runs, so each of them also runs alone.
    const invoiced = sharedSetup(async () => {
      const downloads = e2e.scratchDir('invoicing');
      const { app } = await e2e.signIn(locale, { acceptDownloads: true });
      const leads = new LeadPages(app);
      const docs = new DocumentPages(app);
      const invoicing = new InvoicingPages(app);
      // Like the sync, the PDF library and fonts load while the app is online.
      await app.waitForDocumentAssets();
      await app.goOffline();

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
      // A valid partita IVA too: the e-invoice names the buyer by it.
      await invoicing.editSdiCode(sdiCode.toLowerCase(), 'IT12345678903');
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
      // The customer's PO number is given with the order, then corrected on the order.
      await docs.createOrder('PO-TYPO');
      await docs.editCustomerReference(poReference);
      await docs.fulfil();
      await docs.createInvoice();
      const invoiceNumber = await docs.numberFromHeading('invoice.detail');
      await app.page.getByText(poReference, { exact: true }).first().waitFor();

      // The invoice's PDF and FatturaPA XML, saved offline: to the SDI code, with the PO.
      const pdf = await invoicing.download('documents.downloadPdf', downloads);
      const text = pdfText(pdf.path);
      expect(text).toContain(invoiceNumber);
      expect(text).toContain(company);
      expect(text).toContain(poReference);
      const xml = await invoicing.download('documents.downloadFatturaPa', downloads);
      const fattura = readFileSync(xml.path, 'utf8');
      expect(fattura).toContain(`<Numero>${invoiceNumber}</Numero>`);
      expect(fattura).toContain(`<CodiceDestinatario>${sdiCode}</CodiceDestinatario>`);
      expect(fattura).toContain(`<IdDocumento>${poReference}</IdDocumento>`);
      expect(invalid(validateAll(schemas.fatturapa, [xml.path]))).toEqual([]);

      // Pay everything but the service, then credit the service: nothing is left open.
      const total = await invoicing.openBalance();
      const paid = total - WRITE_IN_GROSS;
      await invoicing.recordPayment(paid);
      expect(await invoicing.openBalance()).toBe(WRITE_IN_GROSS);
      await app.page.getByText(t('invoice.states.active'), { exact: true }).first().waitFor();
      await app.screenshot('invoice-partly-paid');
      await invoicing.creditOnly(service);
      await app.screenshot('credit-note');
      // The credit note's own PDF and XML (TD04, naming the invoice it corrects).
      const creditPdf = pdfText(
        (await invoicing.download('documents.downloadPdf', downloads)).path,
      );
      expect(creditPdf).toContain('Nota di credito');
      expect(creditPdf).toContain(invoiceNumber);
      const creditXml = await invoicing.download('documents.downloadFatturaPa', downloads);
      const td04 = readFileSync(creditXml.path, 'utf8');
      expect(td04).toContain('<TipoDocumento>TD04</TipoDocumento>');
      expect(td04).toContain(`<IdDocumento>${invoiceNumber}</IdDocumento>`);
      expect(invalid(validateAll(schemas.fatturapa, [creditXml.path]))).toEqual([]);
      expect(creditXml.name).not.toBe(xml.name);
      await app.page.getByRole('link', { name: invoiceNumber, exact: true }).first().click();
      await app.page
        .getByRole('heading', { level: 1, name: t('invoice.detail', { number: invoiceNumber }) })
        .waitFor();
      await app.page.getByText(t('invoice.states.paid'), { exact: true }).first().waitFor();
      expect(await invoicing.openBalance()).toBe(0);
      await app.screenshot('invoice-settled');

      await app.goOnline();
      await app.go('sync');
      // The sync screen reads its lists from the store after it opens: wait for them.
      await expect
        .poll(() => app.page.locator('main').innerText(), { timeout: 30_000 })
        .toContain(t('sync.noRejected'));
      return { invoiceNumber, paid };
    });

    it('edits the SDI code, invoices, takes a partial payment and credits the rest', async () => {
      await invoiced();
    }, 240_000);

    it('finds the account, the invoice and its credit note on the server', async () => {
      const { invoiceNumber, paid } = await invoiced();
      const accounts = await pullAll(e2e.stack, 'accounts');
      expect(accounts.find((a) => a.name === company)?.sdiCode).toBe(sdiCode);
      const invoices = await pullAll(e2e.stack, 'invoices');
      const invoice = invoices.find((d) => d.number === invoiceNumber);
      expect(invoice).toMatchObject({
        state: 'paid',
        documentType: 'invoice',
        customerReference: poReference,
      });
      expect(invoice?.payments).toEqual([
        expect.objectContaining({ method: 'card', amount: paid }),
      ]);
      const creditNote = invoices.find((d) => d.correctedInvoiceId === invoice?.id);
      expect(creditNote).toMatchObject({
        documentType: 'creditNote',
        state: 'issued',
        customerReference: poReference,
        correctedInvoiceNumber: invoiceNumber,
        totals: expect.objectContaining({ grandTotal: WRITE_IN_GROSS }),
      });
      expect(String(creditNote?.number)).toMatch(/^NC\/\d{4}\/[A-Z0-9]+\/\d{5}$/);
      expect(invoice?.credits).toEqual([
        expect.objectContaining({ creditNoteId: creditNote?.id, number: creditNote?.number }),
      ]);
    }, 240_000);
  });
});
