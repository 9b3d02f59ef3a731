// Importing a real vCard export through the lead import dialog: the contact card read from
// ../shared/refdata/vcard at test time becomes a lead the seller finds in the list.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { REFDATA } from '../documents/xmllint';
import { AppPage } from './pages/app-page';
import { chromiumAvailable, chromiumPath, launchChromium } from './support/browser';
import { translator } from './support/i18n';
import type { Stack } from './support/stack';
import { pullAll, startStack } from './support/stack';

const card = join(REFDATA, 'vcard', 'ez-vcard', 'John_Doe_IPHONE.vcf');
const canRun = chromiumAvailable() && existsSync(card);
if (!canRun) console.warn(`e2e skipped: no Chromium at ${chromiumPath} or no vCard at ${card}`);

describe.skipIf(!canRun)('vCard import', () => {
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

  it('imports a .vcf file through the import dialog and finds the lead', async () => {
    const t = translator('en');
    const context = await browser.newContext({
      locale: 'en-GB',
      viewport: { width: 1366, height: 900 },
    });
    const app = new AppPage(await context.newPage(), t, 'en');
    const { page } = app;
    await app.open(stack.appUrl);
    await app.signIn(stack.seller.email, stack.seller.password);
    await app.waitForSynced();
    await app.go('leads');
    const dialog = page.getByRole('dialog', { name: t('leadImport.title') });
    await page.getByRole('button', { name: t('leadImport.open') }).click();
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: t('leadImport.chooseFile') }).click();
    await (await chooser).setFiles(card);
    await dialog.getByRole('button', { name: t('leadImport.checkRows') }).click();
    await dialog
      .getByRole('button', { name: t('leadImport.importRows_one', { count: 1 }) })
      .click();
    await dialog
      .getByText(t('leadImport.doneSummary', { created: 1, updated: 0, skipped: 0, errors: 0 }))
      .waitFor();
    await dialog.getByRole('button', { name: t('common.close') }).click();

    await page.getByLabel(t('lead.filterText')).fill('john.doe@ibm.com');
    const table = page
      .getByRole('grid', { name: t('lead.list') })
      .or(page.getByRole('table', { name: t('lead.list') }));
    await table.getByText('Doe').first().waitFor();
    await app.waitForSynced();
    const leads = (await pullAll(stack, 'leads')).filter((l) => l['email'] === 'john.doe@ibm.com');
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ firstName: 'John', lastName: 'Doe' });
    await context.close();
  }, 300_000);
});
