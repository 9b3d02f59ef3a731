// Importing an Excel attendee list (.xlsx, Dynamics 365 lead export headers) through the lead
// import dialog: the bad row is reported with its spreadsheet row number, the others become
// leads the seller finds in the list and the server receives; a file that only pretends to be
// a workbook gets a plain error in the seller's language.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildXlsx } from '../support/xlsx-workbook';
import type { TestLocale } from './support/i18n';
import { LeadImportDialog } from './pages/lead-pages';
import { pullAll } from './support/stack';
import { describeE2e, useE2e } from './support/fixture';

const d365 = ['First Name', 'Last Name', 'Company Name', 'Job Title', 'Email', 'Business Phone'];

describeE2e('xlsx attendee list import', () => {
  const e2e = useE2e();

  const openApp = async (locale: TestLocale) => {
    const { app, t } = await e2e.signIn(locale);
    await app.go('leads');
    const importer = new LeadImportDialog(app);
    const openFile = (path: string) => importer.openFile(path);
    return { t, app, importer, dialog: importer.dialog, openFile };
  };

  it('imports an .xlsx list with one bad row and finds the leads', async () => {
    const run = Date.now().toString(36);
    const email = (k: number) => `xlsx.${k}.${run}@example.com`;
    const xlsxPath = join(e2e.scratchDir('xlsx'), 'attendees.xlsx');
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
    const { t, app, importer, dialog, openFile } = await openApp('en');
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
    await importer.importRows(3, { created: 3, updated: 0, skipped: 0, errors: 1 });

    await app.page.getByLabel(t('lead.filterText')).fill('Xlq');
    await app.page.getByText(t('common.rowCount', { count: 3 })).waitFor({ timeout: 30_000 });
    await app.waitForSynced();
    const leads = (await pullAll(e2e.stack, 'leads')).filter((l) =>
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
  }, 300_000);

  it('tells the seller, in Italian, that a file is not a workbook, and takes a dropped one', async () => {
    const fakePath = join(e2e.scratchDir('xlsx'), 'visitatori.xlsx');
    writeFileSync(fakePath, 'First Name,Last Name\nAnna,Ferri\n');
    const { t, app, dialog, openFile } = await openApp('it');
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
  }, 300_000);
});
