// Importing an Excel attendee list (.xlsx, Dynamics 365 lead export headers) through the lead
// import dialog: the bad row is reported with its spreadsheet row number, the others become
// leads the seller finds in the list and the server receives; a file that only pretends to be
// a workbook gets a plain error in the seller's language.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildXlsx } from '../support/xlsx-workbook';
import { AppPage } from './pages/app-page';
import { chromiumAvailable, chromiumPath, launchChromium } from './support/browser';
import type { TestLocale } from './support/i18n';
import { translator } from './support/i18n';
import type { Stack } from './support/stack';
import { pullAll, startStack } from './support/stack';

const canRun = chromiumAvailable();
if (!canRun) console.warn(`e2e skipped: no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);

const d365 = ['First Name', 'Last Name', 'Company Name', 'Job Title', 'Email', 'Business Phone'];

describe.skipIf(!canRun)('xlsx attendee list import', () => {
  let stack: Stack;
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'fairlead-xlsx-'));

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const openApp = async (locale: TestLocale) => {
    const t = translator(locale);
    const context = await browser.newContext({
      locale: locale === 'it' ? 'it-IT' : 'en-GB',
      viewport: { width: 1366, height: 900 },
    });
    const app = new AppPage(await context.newPage(), t, locale);
    await app.open(stack.appUrl);
    await app.signIn(stack.seller.email, stack.seller.password);
    await app.waitForSynced();
    await app.go('leads');
    const dialog = app.page.getByRole('dialog', { name: t('leadImport.title') });
    const openFile = async (path: string) => {
      await app.page.getByRole('button', { name: t('leadImport.open') }).click();
      const chooser = app.page.waitForEvent('filechooser');
      await dialog.getByRole('button', { name: t('leadImport.chooseFile') }).click();
      await (await chooser).setFiles(path);
    };
    return { t, context, app, dialog, openFile };
  };

  it('imports an .xlsx list with one bad row and finds the leads', async () => {
    const run = Date.now().toString(36);
    const email = (k: number) => `xlsx.${k}.${run}@example.com`;
    const xlsxPath = join(dir, 'attendees.xlsx');
    writeFileSync(
      xlsxPath,
      buildXlsx([
        d365,
        ['Anna', 'Ferri', `Xlq Tessile ${run}`, 'Buyer', email(1), 390498765432],
        ['Marco', 'Gallo', `Xlq Meccanica ${run}`, 'CTO', email(2), '+39 02 1234 567'],
        [null, null, null, null, null, null],
        ['Bad', 'Row', `Xlq Broken ${run}`, '', 'not-an-email', ''],
        ['Lena', 'Vogel', `Xlq Werke ${run}`, 'Engineer', email(3), ''],
      ]),
    );
    const { t, context, app, dialog, openFile } = await openApp('en');
    await openFile(xlsxPath);
    await dialog.getByText(t('leadImport.format.d365', { count: 4 })).waitFor();
    expect(await dialog.getByLabel('Company Name', { exact: true }).inputValue()).toBe('company');
    await app.screenshot('lead-import-xlsx-mapping');
    await dialog.getByRole('button', { name: t('leadImport.checkRows') }).click();
    await dialog
      .getByText(t('leadImport.planSummary', { fresh: 3, duplicates: 0, errors: 1 }))
      .waitFor();
    // Row 4 of the sheet is blank: the bad row is row 5, as the seller sees it in Excel.
    const errors = await dialog.locator('.import-errors li').allInnerTexts();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Line 5: .*not a valid email address/);
    await app.screenshot('lead-import-xlsx-preview');
    await dialog
      .getByRole('button', { name: t('leadImport.importRows_other', { count: 3 }) })
      .click();
    await dialog
      .getByText(t('leadImport.doneSummary', { created: 3, updated: 0, skipped: 0, errors: 1 }))
      .waitFor();
    await dialog.getByRole('button', { name: t('common.close') }).click();

    await app.page.getByLabel(t('lead.filterText')).fill('Xlq');
    await app.page.getByText(t('common.rowCount', { count: 3 })).waitFor({ timeout: 30_000 });
    await app.waitForSynced();
    const leads = (await pullAll(stack, 'leads')).filter((l) =>
      String(l['email']).endsWith(`.${run}@example.com`),
    );
    expect(leads.map((l) => l['email']).sort()).toEqual([email(1), email(2), email(3)]);
    const anna = leads.find((l) => l['email'] === email(1))!;
    // A phone typed as a number in the sheet keeps its digits.
    expect(anna).toMatchObject({
      firstName: 'Anna',
      company: `Xlq Tessile ${run}`,
      sourceDetail: 'attendees.xlsx',
    });
    expect(String(anna['phone']).replace(/\D/g, '')).toBe('390498765432');
    await context.close();
  }, 300_000);

  it('tells the seller, in Italian, that a file is not a workbook, and takes a dropped one', async () => {
    const fakePath = join(dir, 'visitatori.xlsx');
    writeFileSync(fakePath, 'First Name,Last Name\nAnna,Ferri\n');
    const { t, context, app, dialog, openFile } = await openApp('it');
    await openFile(fakePath);
    await dialog.getByText(/non è una cartella di lavoro Excel \(\.xlsx\) leggibile/).waitFor();
    await app.screenshot('lead-import-xlsx-not-a-workbook');

    // A real workbook dropped on the dialog goes to the mapping step like a picked one.
    const bytes = Buffer.from(
      buildXlsx([d365, ['Sara', 'Neri', 'Xlq Drop', '', 'sara@drop.example', '']]),
    );
    // (A script string: it runs in the page, which has the DOM this file's types lack.)
    await app.page.evaluate(`{
      const bytes = Uint8Array.from(atob(${JSON.stringify(bytes.toString('base64'))}), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'elenco.xlsx'));
      const area = document.querySelector('.import-drop');
      area.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      area.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }`);
    await dialog.getByText(t('leadImport.format.d365', { count: 1 })).waitFor();
    expect(await dialog.getByLabel('Email', { exact: true }).inputValue()).toBe('email');
    await app.screenshot('lead-import-xlsx-dropped');
    await context.close();
  }, 300_000);
});
