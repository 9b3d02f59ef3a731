// The seller renames the device on the Settings screen; the name reaches the server, and
// signing in again on the same installation brings back the same device and series.
import { expect, it } from 'vitest';
import { describeE2e, useE2e } from './support/fixture';

describeE2e('the device name on the Settings screen', () => {
  const e2e = useE2e();

  it.each(['it', 'en'] as const)(
    'renames the device in %s and keeps its series across a new sign-in',
    async (locale) => {
      const { app, t } = await e2e.signIn(locale);
      const nameField = () => app.page.getByLabel(new RegExp(`^${t('settings.deviceName')}`));
      const seriesShown = async (): Promise<string> => {
        const text = await app.page.locator('main').innerText();
        return /\(([A-Z0-9]{2,8})\)/.exec(text)?.[1] ?? '';
      };

      await app.go('settings');
      await nameField().waitFor();
      const series = await seriesShown();
      expect(series).toMatch(/^[A-Z0-9]{2,8}$/);
      const name = `Tablet stand ${locale.toUpperCase()}`;
      await nameField().fill(name);
      await app.page.getByRole('button', { name: t('settings.renameDevice') }).click();
      await app.page.getByText(t('settings.deviceRenamed')).waitFor();
      await app.screenshot('settings-device-renamed');

      // Signed out and in again in the same browser: the same installation, so the server
      // answers with the same device, its new name and its series.
      await app.page.getByRole('button', { name: t('app.signOut') }).click();
      await app.page.getByRole('button', { name: t('auth.submit') }).waitFor();
      await app.signIn(e2e.stack.seller.email, e2e.stack.seller.password);
      await app.waitForSynced();
      await app.go('settings');
      await nameField().waitFor();
      expect(await nameField().inputValue()).toBe(name);
      expect(await seriesShown()).toBe(series);
    },
    240_000,
  );
});
