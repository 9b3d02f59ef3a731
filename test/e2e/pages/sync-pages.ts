// Page model of the sync screen's rejected-changes panel and of a refused record's screen.
import type { Locator } from 'playwright-core';
import type { AppPage } from './app-page';

export class SyncPages {
  constructor(private readonly app: AppPage) {}

  get panel(): Locator {
    return this.app.page.getByRole('table', { name: this.app.t('sync.rejectedTitle') });
  }

  /** Opens the sync screen and waits for the refused change whose row matches `name`. */
  async refusedRow(name: RegExp): Promise<Locator> {
    await this.app.go('sync');
    const row = this.panel.getByRole('row', { name });
    await row.waitFor();
    return row;
  }

  /** The refused record's own screen, from its row's Open link. */
  async openFromPanel(row: Locator): Promise<void> {
    await row.getByRole('link', { name: new RegExp(`^${this.app.t('sync.openRecord')}`) }).click();
    await this.refusedHere.waitFor();
  }

  /** The notice on a record's screen saying why the office refused its last change. */
  get refusedHere(): Locator {
    return this.app.page.getByTestId('refused-here');
  }

  async waitUntilNoneRefused(): Promise<void> {
    await this.app.go('sync');
    await this.app.page.getByText(this.app.t('sync.noRejected')).waitFor({ timeout: 60_000 });
  }
}
