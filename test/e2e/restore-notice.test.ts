// After the office server was restored from a backup, the status bar says plainly that the
// device is re-syncing, in the seller's language, and the notice goes once it is in sync.
import { expect, it } from 'vitest';
import type { Route } from 'playwright-core';
import { describeE2e, useE2e } from './support/fixture';

describeE2e('re-syncing after a server restore', () => {
  const e2e = useE2e();

  it.each(['en', 'it'] as const)(
    'shows the restore notice (%s)',
    async (locale) => {
      const { app, t } = await e2e.signIn(locale);

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
      await app.unlockStore(e2e.stack.seller.password);
      const notice = app.page.getByTestId('sync-restore');
      await notice.waitFor({ timeout: 60_000 });
      expect(await notice.innerText()).toBe(t('sync.restoreResync'));
      expect(await notice.getAttribute('title')).toBe(t('sync.restoreResyncHint'));
      await app.screenshot('restore-resync');

      await app.page.unroute('**/api/sync/*/pull*');
      for (const route of held.splice(0)) await route.continue().catch(() => undefined);
      await notice.waitFor({ state: 'detached', timeout: 60_000 });
      await app.waitForSynced();
    },
    180_000,
  );
});
