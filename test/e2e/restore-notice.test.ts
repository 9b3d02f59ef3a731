// After the office server was restored from a backup, the status bar says plainly that the
// device is re-syncing, in the seller's language, and the notice goes once it is in sync.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Route } from 'playwright-core';
import { AppPage } from './pages/app-page';
import { chromiumAvailable, chromiumPath, launchChromium } from './support/browser';
import { translator } from './support/i18n';
import type { Stack } from './support/stack';
import { startStack } from './support/stack';

const canRun = chromiumAvailable();
if (!canRun) console.warn(`e2e skipped: no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);

describe.skipIf(!canRun)('re-syncing after a server restore', () => {
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

  it.each(['en', 'it'] as const)(
    'shows the restore notice (%s)',
    async (locale) => {
      const t = translator(locale);
      const context = await browser.newContext({
        locale: locale === 'it' ? 'it-IT' : 'en-GB',
        viewport: { width: 1366, height: 900 },
      });
      const app = new AppPage(await context.newPage(), t, locale);
      await app.open(stack.appUrl);
      await app.signIn(stack.seller.email, stack.seller.password);
      await app.waitForSynced();

      // The server answers as a restored one would: this checkpoint is from another history.
      // The pulls that follow wait until the screenshot is taken.
      let told = false;
      const held: Route[] = [];
      await app.page.route('**/api/sync/*/pull*', async (route) => {
        if (!told) {
          told = true;
          await route.fulfill({
            json: { documents: [], checkpoint: null, remaining: 0, epoch: 'restored', reset: true },
          });
        } else held.push(route);
      });
      // The seller opens the app again after the office restored its server.
      await app.page.reload();
      await app.unlockStore(stack.seller.password);
      const notice = app.page.getByTestId('sync-restore');
      await notice.waitFor({ timeout: 60_000 });
      expect(await notice.innerText()).toBe(t('sync.restoreResync'));
      expect(await notice.getAttribute('title')).toBe(t('sync.restoreResyncHint'));
      await app.screenshot('restore-resync');

      await app.page.unroute('**/api/sync/*/pull*');
      for (const route of held.splice(0)) await route.continue().catch(() => undefined);
      await notice.waitFor({ state: 'detached', timeout: 60_000 });
      await app.waitForSynced();
      await context.close();
    },
    180_000,
  );
});
