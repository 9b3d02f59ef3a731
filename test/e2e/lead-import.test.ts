// Importing an attendee list of 1,000 rows in Chromium: 10 bad rows reported with their line
// numbers, 20 likely duplicates decided row by row (update, create anyway, skip), the rest
// imported with a progress bar; the leads reach the server, and the filtered list exported to
// CSV reads back with the same leads.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { formatCsv, parseCsv } from '../../shared/import/csv';
import { LeadImportDialog } from './pages/lead-pages';
import { translator } from './support/i18n';
import { pullAll } from './support/stack';
import { describeE2e, useE2e } from './support/fixture';

// A Salesforce lead report's headers.
const headers = ['Lead ID', 'First Name', 'Last Name', 'Title', 'Company', 'Email', 'Phone'];

describeE2e('lead import and export', () => {
  const e2e = useE2e();

  it('imports 1,000 rows with errors and duplicates, then exports the list', async () => {
    const t = translator('en');
    const run = Date.now().toString(36);
    // Leads already on the device, from an earlier list: the duplicates of the big file.
    const existing = Array.from({ length: 20 }, (_, k) => ({
      lastName: `Earlier${k}`,
      email: `earlier.${k}.${run}@example.org`,
    }));
    const rows: string[][] = [];
    const badLines: number[] = [];
    const dupLines: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const line = i + 2; // the header is line 1
      const n = String(i).padStart(4, '0');
      if (i % 100 === 7) {
        badLines.push(line);
        // Half have no name at all, half a broken email.
        rows.push(
          badLines.length % 2 === 0
            ? [`X${n}`, '', '', '', '', '', '']
            : [`X${n}`, 'Bad', `Email ${n}`, '', `Qzv Bad ${run}`, `broken-${n}`, ''],
        );
      } else if (i % 50 === 3 && dupLines.length < 20) {
        const lead = existing[dupLines.length]!;
        dupLines.push(line);
        rows.push([
          `D${n}`,
          'Again',
          String(lead['lastName']),
          'Buyer',
          '',
          String(lead['email']),
          '',
        ]);
      } else {
        rows.push([
          `N${n}`,
          'Visitor',
          `Fair${n}`,
          'Engineer',
          `Qzv Stand ${n}`,
          `visitor.${n}.${run}@example.com`,
          `+39 049 ${n}`,
        ]);
      }
    }
    expect([badLines.length, dupLines.length]).toEqual([10, 20]);
    const dir = e2e.scratchDir('import');
    const csvPath = join(dir, 'attendees.csv');
    writeFileSync(csvPath, formatCsv([headers, ...rows]));
    const earlierPath = join(dir, 'earlier.csv');
    writeFileSync(
      earlierPath,
      formatCsv([
        headers,
        ...existing.map((e, k) => [
          `E${k}`,
          'Once',
          e.lastName,
          'Old title',
          `Prev Co ${k}`,
          e.email,
          '',
        ]),
      ]),
    );

    const { app } = await e2e.signIn('en', { acceptDownloads: true });
    const { page } = app;
    await app.go('leads');
    const importer = new LeadImportDialog(app);
    const { dialog } = importer;
    const openFile = (path: string) => importer.openFile(path);

    await openFile(earlierPath);
    await dialog.getByRole('button', { name: t('leadImport.checkRows') }).click();
    await importer.importRows(20, { created: 20, updated: 0, skipped: 0, errors: 0 });

    await openFile(csvPath);
    await dialog.getByText(t('leadImport.format.salesforce', { count: 1000 })).waitFor();
    // The mapping step guessed the Salesforce columns.
    expect(await dialog.getByLabel('Title', { exact: true }).inputValue()).toBe('jobTitle');
    expect(await dialog.getByLabel('Lead ID', { exact: true }).inputValue()).toBe('');
    await dialog
      .getByLabel(t('leadImport.consentBasis'))
      .selectOption({ label: t('leadImport.consentAll') });
    const wording = 'I agree that Officine Brenta contacts me about its products.';
    await dialog.getByLabel(new RegExp(`^${t('leadImport.consentWording')}`)).fill(wording);
    await app.screenshot('lead-import-mapping');
    await dialog.getByRole('button', { name: t('leadImport.checkRows') }).click();

    await dialog
      .getByText(t('leadImport.planSummary', { fresh: 970, duplicates: 20, errors: 10 }))
      .waitFor({ timeout: 60_000 });
    const errorItems = await dialog.locator('.import-errors li').allInnerTexts();
    expect(errorItems.map((e) => Number(/^Line (\d+):/.exec(e)?.[1]))).toEqual(badLines);
    expect(errorItems.filter((e) => e.includes('not a valid email address'))).toHaveLength(5);

    // Ten duplicates update the existing lead, five are created anyway, five skipped.
    const decide = (line: number) => dialog.getByLabel(new RegExp(`^Line ${line}: `)).first();
    for (const [k, line] of dupLines.entries()) {
      const decision = k < 10 ? 'update' : k < 15 ? 'create' : 'skip';
      await decide(line).selectOption(decision);
    }
    await app.screenshot('lead-import-preview');
    // Watch the progress bar while the rows are written.
    // (A script string: it runs in the page, which has the DOM this file's types lack.)
    await page.evaluate(`{
      const seen = [];
      window.progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('#lead-import-progress');
        if (bar) seen.push(bar.value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    }`);
    await dialog
      .getByRole('button', { name: t('leadImport.importRows_other', { count: 985 }) })
      .click();
    await dialog
      .getByText(t('leadImport.doneSummary', { created: 975, updated: 10, skipped: 5, errors: 10 }))
      .waitFor({ timeout: 120_000 });
    const seen = (await page.evaluate('window.progressSeen')) as number[];
    expect(seen.length).toBeGreaterThan(0);
    await app.screenshot('lead-import-done');
    await dialog.getByRole('button', { name: t('common.close') }).click();

    // On the server after sync: created, updated, consent recorded as given for the file.
    await app.waitForSynced();
    const after = await pullAll(e2e.stack, 'leads');
    const imported = after.filter((l) => String(l['email']).endsWith(`.${run}@example.com`));
    expect(imported).toHaveLength(970);
    expect(imported[0]!['consent']).toMatchObject({ given: true, how: 'import_file', wording });
    expect(imported[0]!['sourceDetail']).toBe('attendees.csv');
    const withEmail = (email: string) => after.filter((l) => l['email'] === email);
    for (const [k, e] of existing.entries()) {
      const found = withEmail(e.email);
      if (k < 10) expect(found.map((l) => l['jobTitle'])).toEqual(['Buyer']);
      else if (k < 15)
        expect(found.map((l) => l['jobTitle']).sort()).toEqual(['Buyer', 'Old title']);
      else expect(found.map((l) => l['jobTitle'])).toEqual(['Old title']);
    }
    // An update keeps the lead's own company where the file's cell was empty.
    expect(withEmail(existing[0]!.email)[0]!['company']).toBe('Prev Co 0');

    // Export with a filter: the file holds exactly the matching leads.
    await page.getByLabel(t('lead.filterText')).fill('Qzv');
    await page.getByText(t('common.rowCount', { count: 970 })).waitFor({ timeout: 30_000 });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: t('leadImport.export') }).click();
    const file = await (await download).path();
    const table = parseCsv(readFileSync(file, 'utf8'));
    expect(table.headers).toContain('Company Name');
    const emailColumn = table.headers.indexOf('Email');
    const exportedEmails = table.rows.map((r) => r.cells[emailColumn]).sort();
    expect(exportedEmails).toEqual(imported.map((l) => String(l['email'])).sort());

    // Typing an imported visitor's phone at the stand warns before a second lead is made.
    await page.getByLabel(t('lead.filterText')).fill('');
    await page.getByRole('button', { name: t('lead.capture') }).click();
    const form = page.getByRole('form', { name: t('lead.captureTitle') });
    await form.getByLabel(t('common.phone')).fill('049 0010');
    const warning = page.getByRole('status', { name: t('lead.captureDuplicates') });
    await warning.getByText('Visitor Fair0010, Qzv Stand 0010').waitFor();
    expect(await warning.innerText()).toContain(t('lead.duplicateReason.phone'));
    await app.screenshot('lead-capture-duplicate-warning');
  }, 300_000);
});
