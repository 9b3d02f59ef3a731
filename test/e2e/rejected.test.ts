// A change the server refuses shows in the rejected-changes panel with the server's reason,
// stays on the device, and goes through once retried.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AppPage } from './pages/app-page';
import { LeadPages } from './pages/lead-pages';
import { chromiumAvailable, chromiumPath, launchChromium } from './support/browser';
import { translator } from './support/i18n';
import type { Stack } from './support/stack';
import { pullAll, startStack } from './support/stack';

const canRun = chromiumAvailable();
if (!canRun) console.warn(`e2e skipped: no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);

describe.skipIf(!canRun)('rejected changes', () => {
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

  it('shows a server-rejected change in the panel and retries it', async () => {
    const t = translator('en');
    const context = await browser.newContext({
      locale: 'en-GB',
      viewport: { width: 1366, height: 900 },
    });
    const app = new AppPage(await context.newPage(), t, 'en');
    await app.open(stack.appUrl);
    await app.signIn(stack.seller.email, stack.seller.password);
    await app.waitForSynced();

    // The push is signed by someone else on the way: the server must refuse the row.
    await app.page.route('**/api/sync/leads/push', async (route) => {
      const rows = JSON.parse(route.request().postData() ?? '[]') as {
        newDocumentState: { updatedBy: string };
      }[];
      for (const row of rows) row.newDocumentState.updatedBy = 'someone-else';
      await route.continue({ postData: JSON.stringify(rows) });
    });
    const lead = {
      firstName: 'Rita',
      lastName: 'Rifiutata',
      company: 'Rejects SpA',
      email: 'rita@rejects.example',
    };
    await new LeadPages(app).capture(lead);

    await app.page.getByTestId('sync-rejected').waitFor({ timeout: 60_000 });
    await app.go('sync');
    const panel = app.page.getByRole('table', { name: t('sync.rejectedTitle') });
    const row = panel.getByRole('row', { name: /Rita Rifiutata/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('signed by the user');
    await app.screenshot('rejected-changes');
    // Kept on the device, not on the server.
    expect((await pullAll(stack, 'leads')).some((d) => d.email === lead.email)).toBe(false);

    await app.page.unroute('**/api/sync/leads/push');
    await row.getByRole('button', { name: new RegExp(`^${t('sync.retry')}`) }).click();
    await app.page.getByText(t('sync.noRejected')).waitFor({ timeout: 60_000 });
    await app.waitForSynced();
    expect((await pullAll(stack, 'leads')).some((d) => d.email === lead.email)).toBe(true);
    await context.close();
  }, 180_000);
});
