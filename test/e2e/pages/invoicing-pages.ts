// Page models of the account form, the payment dialog, the credit note dialog and the files an
// invoice or credit note saves.
import { join } from 'node:path';
import type { AppPage } from './app-page';

/** Minor units of a displayed amount ("1.234,56 €", "€1,234.56"): its digits. */
export const minorOf = (text: string): number => Number(text.replace(/[^\d]/g, ''));

/** The amount in the format the payment field takes, in the page's language. */
const amountInput = (minor: number, locale: string): string => {
  const plain = (minor / 100).toFixed(2);
  return locale === 'it' ? plain.replace('.', ',') : plain;
};

export class InvoicingPages {
  constructor(private readonly app: AppPage) {}

  /** On an account's page: Edit, set the SDI recipient code (and VAT number), save. */
  async editSdiCode(code: string, vatNumber?: string): Promise<void> {
    const { page, t } = this.app;
    await page.getByRole('button', { name: t('common.edit'), exact: true }).click();
    const form = page.getByRole('form', { name: t('account.edit') });
    await form.getByLabel(new RegExp(`^${t('account.sdiCode')}`)).fill(code);
    if (vatNumber !== undefined) {
      await form.getByLabel(new RegExp(`^${t('common.vatNumber')}`)).fill(vatNumber);
    }
    await this.app.screenshot('account-edit');
    await form.getByRole('button', { name: t('common.save'), exact: true }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByText(code.toUpperCase(), { exact: true }).waitFor();
  }

  /** An account form save that the rules refuse; answers the error shown by the field. */
  async refusedVatNumber(vat: string): Promise<string> {
    const { page, t } = this.app;
    await page.getByRole('button', { name: t('common.edit'), exact: true }).click();
    const form = page.getByRole('form', { name: t('account.edit') });
    await form.getByLabel(new RegExp(`^${t('common.vatNumber')}`)).fill(vat);
    await form.getByRole('button', { name: t('common.save'), exact: true }).click();
    const error = form.getByRole('alert').first();
    await error.waitFor();
    await this.app.screenshot('account-vat-refused');
    const text = await error.innerText();
    await form.getByRole('button', { name: t('common.cancel'), exact: true }).click();
    await form.waitFor({ state: 'detached' });
    return text;
  }

  /** Clicks a download button of the document page and saves the file into `folder`. */
  async download(buttonKey: string, folder: string): Promise<{ name: string; path: string }> {
    const { page, t } = this.app;
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: t(buttonKey), exact: true }).click(),
    ]);
    const name = file.suggestedFilename();
    const path = join(folder, `${this.app.locale}-${name}`);
    await file.saveAs(path);
    return { name, path };
  }

  async openBalance(): Promise<number> {
    return minorOf(await this.app.page.getByTestId('open-balance').innerText());
  }

  /** Records a payment of `minor` by card through the dialog. */
  async recordPayment(minor: number): Promise<void> {
    const { page, t } = this.app;
    await page.getByRole('button', { name: t('payment.recordEllipsis'), exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByLabel(t('payment.method'), { exact: true })
      .selectOption({ label: t('payment.methods.card') });
    await dialog
      .getByLabel(
        new RegExp(`^${t('payment.amount', { currency: 'EUR' }).replace(/[()]/g, '\\$&')}`),
      )
      .fill(amountInput(minor, this.app.locale));
    await this.app.screenshot('payment-dialog');
    await dialog.getByRole('button', { name: t('payment.record'), exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Opens "Cancel with credit note", credits only the line named `keep` in full, issues it. */
  async creditOnly(keep: string): Promise<void> {
    const { page, t } = this.app;
    await page.getByRole('button', { name: t('creditNote.cancelWith'), exact: true }).click();
    const dialog = page.getByRole('dialog');
    const rows = dialog.locator('tbody tr');
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      if (!(await row.innerText()).includes(keep)) await row.locator('input').fill('0');
    }
    await this.app.screenshot('credit-note-dialog');
    await dialog.getByRole('button', { name: t('creditNote.issue'), exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('heading', {
        level: 1,
        name: new RegExp(`^${t('creditNote.detail', { number: '' }).trim()}`),
      })
      .waitFor();
  }
}
