// Page models of the lead screens: quick capture, list, detail with Qualify and Delete.
import type { Locator } from 'playwright-core';
import type { AppPage } from './app-page';

export type NewLead = { firstName: string; lastName: string; company: string; email: string };

export class LeadPages {
  constructor(private readonly app: AppPage) {}

  /** Quick capture: types the lead, ticks consent and presses Enter (save and next). */
  async capture(lead: NewLead): Promise<void> {
    const { page, t } = this.app;
    await this.app.go('leads');
    await page.getByRole('button', { name: t('lead.capture') }).click();
    const form = page.getByRole('form', { name: t('lead.captureTitle') });
    await form.getByLabel(t('common.firstName'), { exact: true }).fill(lead.firstName);
    await form.getByLabel(t('common.lastName'), { exact: true }).fill(lead.lastName);
    await form.getByLabel(t('common.company'), { exact: true }).fill(lead.company);
    await form.getByLabel(t('common.email'), { exact: true }).fill(lead.email);
    await form.getByLabel(t('lead.consent'), { exact: true }).check();
    await this.app.screenshot('lead-capture');
    await form.getByLabel(t('common.email'), { exact: true }).press('Enter');
    await page
      .getByText(t('lead.captured', { name: `${lead.firstName} ${lead.lastName}` }))
      .waitFor();
  }

  /** Finds the lead in the virtualized list by filter and opens it. */
  async openFromList(company: string, name: string): Promise<void> {
    const { page, t } = this.app;
    await this.app.go('leads');
    await page.getByLabel(t('lead.filterText'), { exact: true }).fill(company);
    const row = page
      .getByRole('table', { name: t('lead.list') })
      .getByRole('row', { name: new RegExp(name) });
    await row.first().waitFor();
    await this.app.screenshot('lead-list');
    await row.first().click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await this.app.screenshot('lead-detail');
  }

  /** Deletes the open lead after confirming; lands on the lead list. */
  async deleteOpen(): Promise<void> {
    const { page, t } = this.app;
    await page.getByRole('button', { name: t('common.delete'), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: t('lead.deleteTitle') });
    await dialog.waitFor();
    await this.app.screenshot('lead-delete');
    await dialog.getByRole('button', { name: t('common.delete'), exact: true }).click();
    await page.getByRole('table', { name: t('lead.list') }).waitFor();
  }

  /** How many rows of the lead list match a company. */
  async countInList(company: string): Promise<number> {
    const { page, t } = this.app;
    await this.app.go('leads');
    await page.getByLabel(t('lead.filterText'), { exact: true }).fill(company);
    return page
      .getByRole('table', { name: t('lead.list') })
      .getByRole('row', { name: new RegExp(company) })
      .count();
  }

  /** Qualify, creating a new account and contact; lands on the new opportunity. */
  async qualify(): Promise<void> {
    const { page, t } = this.app;
    await page.getByRole('button', { name: t('lead.qualify'), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: t('lead.qualifyTitle') });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: new RegExp(t('lead.createNewAccount')) }).check();
    await dialog.getByRole('radio', { name: t('lead.createNewContact') }).check();
    await this.app.screenshot('lead-qualify');
    await dialog.getByRole('button', { name: t('lead.createOpportunity') }).click();
    await page.getByRole('navigation', { name: t('opportunity.processBar') }).waitFor();
  }
}

/** The lead import dialog on the lead list, with a file picked as the seller would. */
export class LeadImportDialog {
  constructor(private readonly app: AppPage) {}

  get dialog(): Locator {
    return this.app.page.getByRole('dialog', { name: this.app.t('leadImport.title') });
  }

  /** Opens the dialog (the lead list must be on screen) and picks the file. */
  async openFile(path: string): Promise<void> {
    const { page, t } = this.app;
    await page.getByRole('button', { name: t('leadImport.open') }).click();
    const chooser = page.waitForEvent('filechooser');
    await this.dialog.getByRole('button', { name: t('leadImport.chooseFile') }).click();
    await (await chooser).setFiles(path);
  }

  /** Imports the checked rows, waits for the summary it must show and closes the dialog. */
  async importRows(
    count: number,
    done: { created: number; updated: number; skipped: number; errors: number },
  ): Promise<void> {
    const { t } = this.app;
    await this.dialog.getByRole('button', { name: t('leadImport.importRows', { count }) }).click();
    await this.dialog.getByText(t('leadImport.doneSummary', done)).waitFor();
    await this.dialog.getByRole('button', { name: t('common.close') }).click();
  }
}
