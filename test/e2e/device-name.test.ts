// The seller renames the device on the Settings screen; the name reaches the server, and
// signing in again on the same installation brings back the same device and series.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AppPage } from './pages/app-page';
import { chromiumAvailable, chromiumPath, launchChromium } from './support/browser';
import { translator } from './support/i18n';
import type { Stack } from './support/stack';
import { startStack } from './support/stack';

const canRun = chromiumAvailable();
if (!canRun) console.warn(`e2e skipped: no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);

const intl = { en: 'en-GB', it: 'it-IT' } as const;

describe.skipIf(!canRun)('the device name on the Settings screen', () => {
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
    'renames the device in %s and keeps its series across a new sign-in',
    async (locale) => {
      const t = translator(locale);
      const context = await browser.newContext({
        locale: intl[locale],
        viewport: { width: 1366, height: 900 },
      });
      const app = new AppPage(await context.newPage(), t, locale);
      const nameField = () => app.page.getByLabel(new RegExp(`^${t('settings.deviceName')}`));
      const seriesShown = async (): Promise<string> => {
        const text = await app.page.locator('main').innerText();
        return /\(([A-Z0-9]{2,8})\)/.exec(text)?.[1] ?? '';
      };

      await app.open(stack.appUrl);
      await app.signIn(stack.seller.email, stack.seller.password);
      await app.waitForSynced();
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
      await app.signIn(stack.seller.email, stack.seller.password);
      await app.waitForSynced();
      await app.go('settings');
      await nameField().waitFor();
      expect(await nameField().inputValue()).toBe(name);
      expect(await seriesShown()).toBe(series);
      await context.close();
    },
    240_000,
  );
});
