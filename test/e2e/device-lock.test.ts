// The app lock in Chromium: it locks (at once, or after the idle time), hides the app behind
// it, opens offline with the right password only, and sync goes on while it is locked.
import { expect, it } from 'vitest';
import { DevicePages } from './pages/device-pages';
import { LeadPages } from './pages/lead-pages';
import { pullAll } from './support/stack';
import { describeE2e, useE2e } from './support/fixture';

const waitUntil = async (check: () => Promise<boolean>, what: string): Promise<void> => {
  for (let i = 0; i < 120; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describeE2e('the app lock', () => {
  const e2e = useE2e();

  it.each(['it', 'en'] as const)(
    'in %s: locks, opens offline with the right password only, and syncs while locked',
    async (locale) => {
      const { app, t, context } = await e2e.signIn(locale);
      const device = new DevicePages(app);
      const leads = new LeadPages(app);

      await app.goOffline();
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
      await device.unlock(e2e.stack.seller.password);
      await app.page.getByText(lead.lastName).first().waitFor();

      // Locked again, the connection comes back: the waiting lead reaches the office anyway.
      await device.lockNow();
      await context.setOffline(false);
      await waitUntil(
        async () => (await pullAll(e2e.stack, 'leads')).some((l) => l.email === lead.email),
        'the lead captured before the lock to reach the server',
      );
      await device.lockDialog
        .getByRole('status', { name: t('sync.status') })
        .getByText(t('sync.upToDate'))
        .waitFor();
      await app.screenshot('app-lock-synced');
      await device.unlock(e2e.stack.seller.password);
      await app.waitForSynced();
    },
    240_000,
  );

  it('locks by itself after the idle time chosen in Settings, also across a reload, and offers sign-out instead', async () => {
    const { app, page, t } = await e2e.signIn('en', { before: (p) => p.clock.install() });
    const device = new DevicePages(app);
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
    await app.unlockStore(e2e.stack.seller.password).catch(() => undefined);
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
    await device.unlock(e2e.stack.seller.password);
    await app.page.getByRole('heading', { level: 1 }).waitFor();

    // The other way out of the lock: signing out (everything has synced, so at once).
    await device.lockNow();
    await device.lockDialog.getByRole('button', { name: t('lock.signOutInstead') }).click();
    await device.lockDialog.getByRole('button', { name: t('lock.signOutInstead') }).click();
    await device.waitForSignIn();
  }, 240_000);
});
