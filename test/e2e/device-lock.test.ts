// The app lock in Chromium: it locks (at once, or after the idle time), hides the app behind
// it, opens offline with the right password only, and sync goes on while it is locked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AppPage } from './pages/app-page';
import { DevicePages } from './pages/device-pages';
import { LeadPages } from './pages/lead-pages';
import { chromiumAvailable, chromiumPath, launchChromium } from './support/browser';
import { translator } from './support/i18n';
import type { Stack } from './support/stack';
import { pullAll, startStack } from './support/stack';

const canRun = chromiumAvailable();
if (!canRun) console.warn(`e2e skipped: no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);

const intl = { en: 'en-GB', it: 'it-IT' } as const;

const waitUntil = async (check: () => Promise<boolean>, what: string): Promise<void> => {
  for (let i = 0; i < 120; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe.skipIf(!canRun)('the app lock', () => {
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

  it.each(['it', 'en'] as const)(
    'in %s: locks, opens offline with the right password only, and syncs while locked',
    async (locale) => {
      const t = translator(locale);
      const context = await browser.newContext({
        locale: intl[locale],
        viewport: { width: 1366, height: 900 },
      });
      const app = new AppPage(await context.newPage(), t, locale);
      const device = new DevicePages(app);
      const leads = new LeadPages(app);
      await app.open(stack.appUrl);
      await app.signIn(stack.seller.email, stack.seller.password);
      await app.waitForSynced();

      await context.setOffline(true);
      await app.waitForOffline();
      const lead = {
        firstName: 'Ottavia',
        lastName: `Serratura${locale.toUpperCase()}`,
        company: `Chiavi ${locale} Srl`,
        email: `ottavia.lock.${locale}@example.it`,
      };
      await leads.capture(lead);
      await app.page.getByText(lead.lastName).first().waitFor();

      await device.lockNow();
      // Nothing of the app is painted or reachable behind the lock.
      expect(await app.page.getByText(lead.lastName).first().isVisible()).toBe(false);
      expect(await app.page.locator('.shell').isVisible()).toBe(false);
      expect(await app.page.getByRole('navigation', { name: t('app.mainNav') }).count()).toBe(0);
      await app.screenshot('app-lock');

      await device.submitPassword('not-the-password');
      await device.lockDialog.getByText(t('lock.wrongPassword')).waitFor();
      await app.screenshot('app-lock-wrong-password');
      expect(await device.lockDialog.isVisible()).toBe(true);

      // Still offline: the password is checked on the device.
      await device.unlock(stack.seller.password);
      await app.page.getByText(lead.lastName).first().waitFor();

      // Locked again, the connection comes back: the waiting lead reaches the office anyway.
      await device.lockNow();
      await context.setOffline(false);
      await waitUntil(
        async () => (await pullAll(stack, 'leads')).some((l) => l.email === lead.email),
        'the lead captured before the lock to reach the server',
      );
      await device.lockDialog
        .getByRole('status', { name: t('sync.status') })
        .getByText(t('sync.upToDate'))
        .waitFor();
      await app.screenshot('app-lock-synced');
      await device.unlock(stack.seller.password);
      await app.waitForSynced();
      await context.close();
    },
    240_000,
  );

  it('locks by itself after the idle time chosen in Settings, also across a reload, and offers sign-out instead', async () => {
    const t = translator('en');
    const context = await browser.newContext({
      locale: intl.en,
      viewport: { width: 1366, height: 900 },
    });
    const page = await context.newPage();
    await page.clock.install();
    const app = new AppPage(page, t, 'en');
    const device = new DevicePages(app);
    await app.open(stack.appUrl);
    await app.signIn(stack.seller.email, stack.seller.password);
    await app.waitForSynced();
    await app.go('settings');
    const lockAfter = page.getByLabel(t('settings.lockAfter'));
    expect(await lockAfter.inputValue()).toBe('15');
    await lockAfter.selectOption('5');
    await app.screenshot('settings-lock-after');

    // Four idle minutes are not enough; five are.
    await page.clock.fastForward('04:00');
    await page.waitForTimeout(1_500);
    expect(await device.lockDialog.count()).toBe(0);
    await page.clock.fastForward('01:30');
    await device.lockDialog.waitFor();

    await page.reload();
    // The encrypted store asks for the password at start; the idle lock still holds after it.
    await app.unlockStore(stack.seller.password).catch(() => undefined);
    await device.lockDialog.waitFor();

    // Guessing: after five wrong passwords the lock waits before it checks another one.
    for (let i = 0; i < 5; i++) {
      await device.submitPassword(`guess-${i}`);
      await device.lockDialog.getByText(t('lock.wrongPassword')).waitFor();
    }
    await device.lockDialog.getByText(t('lock.tooManyTries', { count: 30 })).waitFor();
    expect(
      await device.lockDialog.getByRole('button', { name: t('lock.unlock') }).isDisabled(),
    ).toBe(true);
    await app.screenshot('app-lock-too-many-tries');
    await page.clock.fastForward('00:31');
    await device.unlock(stack.seller.password);
    await app.page.getByRole('heading', { level: 1 }).waitFor();

    // The other way out of the lock: signing out (everything has synced, so at once).
    await device.lockNow();
    await device.lockDialog.getByRole('button', { name: t('lock.signOutInstead') }).click();
    await device.lockDialog.getByRole('button', { name: t('lock.signOutInstead') }).click();
    await device.waitForSignIn();
    await context.close();
  }, 240_000);
});
