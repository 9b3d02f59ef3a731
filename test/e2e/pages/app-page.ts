// Page model of the signed-in shell: navigation, global search, sync status, screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { T, TestLocale } from '../support/i18n';

export const screenshotRoot = new URL('../../../test-results/screenshots/', import.meta.url)
  .pathname;

export class AppPage {
  constructor(
    readonly page: Page,
    readonly t: T,
    readonly locale: TestLocale,
  ) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.submitSignIn(email, password);
    await this.page.getByRole('navigation', { name: this.t('app.mainNav') }).waitFor();
  }

  /** Waits until the PDF library and its fonts have loaded, so documents render offline. */
  async waitForDocumentAssets(): Promise<void> {
    await this.page.waitForFunction(
      () =>
        performance.getEntriesByType('resource').filter((e) => /NotoSans_|write-pdf-/.test(e.name))
          .length >= 3,
    );
  }

  /**
   * After a reload or in a new window of the browser build: the encrypted store asks for the
   * password first (renderer/features/auth/components/Unlock.tsx); then the app opens.
   */
  async unlockStore(password: string): Promise<void> {
    const nav = this.page.getByRole('navigation', { name: this.t('app.mainNav') });
    const unlock = this.page.getByRole('form', { name: this.t('auth.unlockTitle') });
    await nav.or(unlock).first().waitFor();
    if (await unlock.isVisible()) {
      await unlock.getByLabel(new RegExp(`^${this.t('auth.password')}`)).fill(password);
      await unlock.getByRole('button', { name: this.t('auth.unlock'), exact: true }).click();
    }
    await nav.waitFor();
  }

  /** Submits the sign-in form and returns the error it shows. */
  async signInRefused(email: string, password: string): Promise<string> {
    await this.submitSignIn(email, password);
    const alert = this.page.getByRole('form', { name: this.t('auth.title') }).getByRole('alert');
    await alert.waitFor();
    return alert.innerText();
  }

  private async submitSignIn(email: string, password: string): Promise<void> {
    const { page, t } = this;
    await page.getByLabel(new RegExp(`^${t('auth.email')}`)).fill(email);
    await page.getByLabel(new RegExp(`^${t('auth.password')}`)).fill(password);
    await page.getByRole('button', { name: t('auth.submit') }).click();
  }

  get syncStatus(): Locator {
    return this.page.getByRole('status', { name: this.t('sync.status') });
  }

  /** Waits until the first sync is over and nothing is waiting to be pushed. */
  async waitForSynced(): Promise<void> {
    await this.syncStatus.getByText(this.t('sync.online')).waitFor();
    await this.syncStatus.getByText(this.t('sync.upToDate')).waitFor({ timeout: 60_000 });
    await this.syncStatus.locator('progress').waitFor({ state: 'detached', timeout: 60_000 });
  }

  async waitForOffline(): Promise<void> {
    await this.syncStatus.getByText(this.t('sync.offline')).waitFor();
  }

  /** Cuts the network (navigator.onLine false, fetch fails) and waits until the app says so. */
  async goOffline(): Promise<void> {
    await this.page.context().setOffline(true);
    await this.waitForOffline();
  }

  /** Gives the network back and waits until what waited on the device has synced. */
  async goOnline(): Promise<void> {
    await this.page.context().setOffline(false);
    await this.waitForSynced();
  }

  /** Opens a section from the sidebar and waits until the sidebar marks it as the current page. */
  async go(section: string): Promise<void> {
    const link = this.page
      .getByRole('navigation', { name: this.t('app.mainNav') })
      .getByRole('link', { name: this.t(`nav.${section}`), exact: true });
    await link.click();
    await this.page
      .getByRole('navigation', { name: this.t('app.mainNav') })
      .locator('a[aria-current="page"]', { hasText: this.t(`nav.${section}`) })
      .waitFor();
  }

  /** Searches with the global search box and opens the first result. */
  async searchAndOpen(text: string): Promise<void> {
    const box = this.page.getByRole('combobox', { name: this.t('search.label') });
    await box.fill(text);
    await this.page
      .getByRole('listbox', { name: this.t('search.results') })
      .getByRole('option')
      .first()
      .waitFor();
    await box.press('Enter');
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  async screenshot(name: string): Promise<void> {
    const dir = join(screenshotRoot, this.locale);
    mkdirSync(dir, { recursive: true });
    await this.page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  }
}
