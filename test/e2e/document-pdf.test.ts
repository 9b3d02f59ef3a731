// A document handed to the customer, offline: the invoice page shows its customer, the PDF
// is previewed on screen and downloaded (made on the device, in the customer's language
// whatever the UI's), then read back with pdftotext and rendered to a PNG to look at; the
// FatturaPA XML is downloaded beside it and validated against the official schema.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { invalid, schemas, validateAll } from '../documents/xmllint';
import { screenshotRoot } from './pages/app-page';
import { DocumentPages } from './pages/document-pages';
import { LeadPages } from './pages/lead-pages';
import { describeE2e, useE2e } from './support/fixture';

const digits = (s: string) => s.replace(/\D/g, '');

describeE2e('an invoice PDF made and downloaded offline', () => {
  const e2e = useE2e();

  it.each(['it', 'en'] as const)(
    'in %s: customer block, preview, download, read back',
    async (locale) => {
      const suffix = `${locale}${Date.now().toString(36)}`;
      const lead = {
        firstName: 'Łukasz',
        lastName: `Żółć ${suffix}`,
        company: `Ørsted Müller ${suffix}`,
        email: `lukasz.${suffix}@orsted.example`,
      };
      const vatNumber = 'IT12345678903';
      const downloads = e2e.scratchDir('pdf');
      const { app, t } = await e2e.signIn(locale, { acceptDownloads: true });
      const leads = new LeadPages(app);
      const docs = new DocumentPages(app);
      // Like the sync, the PDF library and fonts load while the app is online.
      await app.waitForDocumentAssets();
      await app.goOffline();

      await leads.capture(lead);
      await leads.openFromList(lead.company, `${lead.firstName} ${lead.lastName}`);
      // A partita IVA with a valid check digit: the account gets it, the e-invoice needs it.
      const leadForm = app.page.getByRole('form', { name: t('lead.detail') });
      await leadForm.getByLabel(t('common.vatNumber'), { exact: true }).fill(vatNumber);
      await leadForm.getByRole('button', { name: t('common.save'), exact: true }).click();
      await leadForm
        .getByRole('button', { name: t('common.save'), exact: true })
        .and(app.page.locator(':disabled'))
        .waitFor();
      await leads.qualify();
      await docs.setEstimatedCloseDate('2027-03-31');
      await docs.addCatalogLine('', '3');
      await docs.addWriteInLine(`Collaudo Łódź ${suffix}`, '150,50', '2');
      await docs.newQuote();
      await docs.setFreight('25');
      await docs.activateQuote();
      await docs.createOrder();
      await docs.fulfil();
      await docs.createInvoice();
      const number = await docs.numberFromHeading('invoice.detail');
      const { page } = app;

      // The customer block: the account as a link, and its identifiers.
      const customer = page.getByTestId('document-customer');
      await customer.getByRole('link', { name: lead.company }).waitFor();
      await app.screenshot('invoice-customer');

      await page.getByRole('button', { name: t('documents.previewPdf') }).click();
      await page.locator('.document-preview[data-ready="true"] svg').first().waitFor();
      await page.locator('.document-preview').scrollIntoViewIfNeeded();
      await page.locator('.document-preview').screenshot({
        path: join(screenshotRoot, locale, 'invoice-pdf-preview.png'),
      });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: t('documents.downloadPdf') }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(
        `Fattura-${number.replace(/[^A-Za-z0-9._-]+/g, '-')}.pdf`,
      );
      const file = join(downloads, `${locale}.pdf`);
      await download.saveAs(file);
      await page
        .getByText(t('documents.fileSaved', { name: download.suggestedFilename() }))
        .waitFor();

      const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
        encoding: 'utf8',
      }).replace(/[ \t]+/g, ' ');
      // No country on the account: an Italian customer, so an Italian invoice in both UIs.
      expect(text).toContain('Fattura');
      expect(text).toContain(number);
      expect(text).toContain(lead.company);
      expect(text).toContain(`Collaudo Łódź ${suffix}`);
      expect(text).toContain('Pagina 1 di 1');
      const grandOnScreen = await page.getByTestId('grand-total').innerText();
      const grandRow = text.split('\n').find((l) => l.includes('Totale documento')) ?? '';
      expect(digits(grandRow)).toBe(digits(grandOnScreen));

      const shot = join(screenshotRoot, locale, 'invoice-pdf-page1');
      mkdirSync(join(screenshotRoot, locale), { recursive: true });
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '80',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        file,
        shot,
      ]);

      // The FatturaPA XML next to the PDF, under the SdI file name, valid against the schema.
      await customer.getByText(vatNumber).waitFor();
      const [xmlDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: t('documents.downloadFatturaPa') }).click(),
      ]);
      expect(xmlDownload.suggestedFilename()).toMatch(/^IT\d{11}_[0-9A-Za-z]{1,5}\.xml$/);
      const xmlFile = join(downloads, `${locale}-${xmlDownload.suggestedFilename()}`);
      await xmlDownload.saveAs(xmlFile);
      const xml = readFileSync(xmlFile, 'utf8');
      expect(xml).toContain(`<Numero>${number}</Numero>`);
      expect(xml).toContain('<IdCodice>12345678903</IdCodice>');
      expect(invalid(validateAll(schemas.fatturapa, [xmlFile]))).toEqual([]);
      // A domestic customer gets no UBL file.
      expect(await page.getByRole('button', { name: t('documents.downloadUbl') }).count()).toBe(0);
      await app.screenshot('invoice-files');

      // The list shows the customer, and filters overdue invoices (this one is not).
      await app.go('invoices');
      const list = page.getByRole('table', { name: t('invoice.list') });
      await list.getByRole('row', { name: new RegExp(lead.company) }).waitFor();
      await app.screenshot('invoice-list-customers');
      await page.getByLabel(t('documents.overdueOnly')).check();
      await list
        .getByRole('row', { name: new RegExp(lead.company) })
        .waitFor({ state: 'detached' });
    },
    240_000,
  );
});
