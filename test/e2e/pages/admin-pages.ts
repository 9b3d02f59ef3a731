// Page model of the administration screen: its tabs, the users, catalog and devices panels.
import type { Locator, Page } from 'playwright-core';
import type { T } from '../support/i18n';

export class AdminPage {
  constructor(
    readonly page: Page,
    readonly t: T,
  ) {}

  async tab(id: string): Promise<void> {
    await this.page.getByRole('tab', { name: this.t(`admin.tabs.${id}`), exact: true }).click();
  }

  table(id: string): Locator {
    return this.page.getByRole('table', { name: this.t(`admin.tabs.${id}`) });
  }

  async addSeller(email: string, password: string, team: string): Promise<void> {
    const form = this.page.getByRole('form', { name: this.t('admin.users.add') });
    await form.getByLabel(new RegExp(`^${this.t('common.email')}`)).fill(email);
    await form.getByLabel(new RegExp(`^${this.t('admin.users.password')}`)).fill(password);
    await form.getByLabel(new RegExp(`^${this.t('admin.users.team')}`)).fill(team);
    await form.getByRole('button', { name: this.t('admin.users.add') }).click();
    await this.table('users').getByRole('row').filter({ hasText: email }).waitFor();
  }

  /** Sets the price of `sku` on the price list shown first; returns that row. */
  async changePrice(sku: string, amount: string): Promise<Locator> {
    const t = this.t;
    await this.page.getByLabel(t('admin.catalog.newPriceOf', { sku })).fill(amount);
    await this.page.getByRole('button', { name: t('admin.catalog.savePrice', { sku }) }).click();
    return this.page.getByRole('row').filter({ hasText: sku });
  }

  deviceRow(email: string): Locator {
    return this.table('devices').getByRole('row').filter({ hasText: email });
  }

  async revokeDeviceOf(email: string): Promise<void> {
    await this.deviceRow(email)
      .getByRole('button', { name: this.t('admin.devices.revoke') })
      .click();
    await this.page
      .getByRole('dialog')
      .getByRole('button', { name: this.t('admin.devices.revoke') })
      .click();
    await this.deviceRow(email).locator('.badge-danger').waitFor();
  }
}
