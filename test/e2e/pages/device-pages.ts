// Page model of the app lock, the sign-out and what a wiped device leaves in the browser.
import type { Locator } from 'playwright-core';
import type { AppPage } from './app-page';

export type BrowserLeftovers = { databases: string[]; localEntries: string[] };

export class DevicePages {
  constructor(private readonly app: AppPage) {}

  get lockDialog(): Locator {
    return this.app.page.getByRole('dialog', { name: this.app.t('lock.title') });
  }

  async lockNow(): Promise<void> {
    const { page, t } = this.app;
    // Exact: "Lock prices" on an order is another button.
    await page.getByRole('button', { name: t('lock.lockNow'), exact: true }).click();
    await this.lockDialog.waitFor();
  }

  /** Types the password on the lock screen and presses Unlock. */
  async submitPassword(password: string): Promise<void> {
    const { t } = this.app;
    await this.lockDialog.getByLabel(new RegExp(`^${t('auth.password')}`)).fill(password);
    await this.lockDialog.getByRole('button', { name: t('lock.unlock') }).click();
  }

  async unlock(password: string): Promise<void> {
    await this.submitPassword(password);
    await this.lockDialog.waitFor({ state: 'detached' });
  }

  /** Settings → Sign out; resolves once the sign-in form or a refusal shows. */
  async signOutFromSettings(): Promise<void> {
    const { page, t } = this.app;
    await this.app.go('settings');
    await page.getByRole('button', { name: t('app.signOut') }).click();
  }

  async waitForSignIn(): Promise<void> {
    await this.app.page.getByRole('button', { name: this.app.t('auth.submit') }).waitFor();
  }

  /** The IndexedDB databases and localStorage entries this origin holds now. */
  async leftovers(): Promise<BrowserLeftovers> {
    // Run in the page (a string: this side is typed for Node, without the DOM).
    return (await this.app.page.evaluate(`(async () => ({
      databases: (await indexedDB.databases()).map((d) => d.name ?? '').sort(),
      localEntries: Object.keys(localStorage).sort(),
    }))()`)) as BrowserLeftovers;
  }
}

/** Only the installation's own store (no personal data) may survive a wipe. */
export const onlyInstallationStore = (databases: readonly string[]): boolean =>
  databases.every((name) => name.startsWith('rxdb-dexie-fairlead_device--'));
