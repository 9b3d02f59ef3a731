// Qualify warns about likely duplicates and links the existing account instead of creating
// a second copy of the same customer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AppPage } from './pages/app-page';
import { LeadPages } from './pages/lead-pages';
import { chromiumAvailable, chromiumPath, launchChromium } from './support/browser';
import { translator } from './support/i18n';
import type { Stack } from './support/stack';
import { startStack } from './support/stack';

const canRun = chromiumAvailable();
if (!canRun) console.warn(`e2e skipped: no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);

describe.skipIf(!canRun)('qualify with duplicates', () => {
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

  it('offers the existing account and links it', async () => {
    const t = translator('it');
    const context = await browser.newContext({
      locale: 'it-IT',
      viewport: { width: 1366, height: 900 },
    });
    const app = new AppPage(await context.newPage(), t, 'it');
    const leads = new LeadPages(app);
    await app.open(stack.appUrl);
    await app.signIn(stack.seller.email, stack.seller.password);
    await app.waitForSynced();

    const first = {
      firstName: 'Marco',
      lastName: 'Bassi',
      company: 'Officine Bassi Srl',
      email: 'marco@officinebassi.example',
    };
    await leads.capture(first);
    await leads.openFromList(first.company, 'Marco Bassi');
    await leads.qualify();
    const accountUrl = await app.page
      .getByRole('link', { name: first.company })
      .getAttribute('href');

    const second = {
      firstName: 'Lucia',
      lastName: 'Bassi',
      company: 'Officine Bassi S.r.l.',
      email: 'marco@officinebassi.example',
    };
    await leads.capture(second);
    await leads.openFromList('Lucia', 'Lucia Bassi');
    await app.page.getByRole('button', { name: t('lead.qualify'), exact: true }).click();
    const dialog = app.page.getByRole('dialog', { name: t('lead.qualifyTitle') });
    const link = dialog.getByRole('radio', {
      name: new RegExp(t('lead.linkAccount', { name: first.company })),
    });
    await link.waitFor();
    // The strongest match is chosen by default: the seller only confirms.
    expect(await link.isChecked()).toBe(true);
    await app.screenshot('qualify-duplicates');
    await dialog.getByRole('button', { name: t('lead.createOpportunity') }).click();
    await app.page.getByRole('navigation', { name: t('opportunity.processBar') }).waitFor();
    expect(await app.page.getByRole('link', { name: first.company }).getAttribute('href')).toBe(
      accountUrl,
    );
    await context.close();
  }, 180_000);

  it('disqualifies a lead with a reason and reactivates it', async () => {
    const t = translator('en');
    const context = await browser.newContext({
      locale: 'en-GB',
      viewport: { width: 1366, height: 900 },
    });
    const app = new AppPage(await context.newPage(), t, 'en');
    const leads = new LeadPages(app);
    await app.open(stack.appUrl);
    await app.signIn(stack.seller.email, stack.seller.password);
    await app.waitForSynced();
    const lead = {
      firstName: 'Paolo',
      lastName: 'Neri',
      company: 'Neri Arredi',
      email: 'paolo@neri.example',
    };
    await leads.capture(lead);
    await leads.openFromList(lead.company, 'Paolo Neri');
    await app.page.getByRole('button', { name: t('lead.disqualify'), exact: true }).click();
    const dialog = app.page.getByRole('dialog', { name: t('lead.disqualifyTitle') });
    await dialog
      .getByLabel(t('lead.disqualifyReason'), { exact: true })
      .selectOption({ label: t('lead.statuses.cannot_contact') });
    await app.screenshot('lead-disqualify');
    await dialog.getByRole('button', { name: t('lead.disqualify') }).click();
    await app.page.getByText(t('lead.statuses.cannot_contact'), { exact: true }).waitFor();
    await app.page.getByRole('button', { name: t('lead.reactivate') }).click();
    await app.page.getByRole('button', { name: t('lead.qualify'), exact: true }).waitFor();
    expect(await app.page.getByRole('button', { name: t('lead.reactivate') }).count()).toBe(0);
    await context.close();
  }, 180_000);
});
