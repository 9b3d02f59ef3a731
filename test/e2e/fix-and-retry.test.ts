// The office's reasons reach the seller in the UI's language (a refused sign-in, a refused
// change), and a refused change is corrected where the seller made it: the rejected-changes
// panel says why in the seller's language, opens the record, and saving the corrected form
// sends it again until the office accepts it. The device itself refuses control characters
// in names, so the test plays a faulty device: the first push of the lead reaches the server
// with a tab inside the surname, which the server refuses.
import { describe, expect, it } from 'vitest';
import { LeadPages } from './pages/lead-pages';
import { SyncPages } from './pages/sync-pages';
import { translator } from './support/i18n';
import type { TestLocale } from './support/i18n';
import { pullAll } from './support/stack';
import { describeE2e, useE2e } from './support/fixture';

// What the server says about the field, in each language (shared/domain/plain-text.ts).
const refusal: Record<TestLocale, (field: string) => string> = {
  it: (field) => `Il campo ${field} contiene un carattere di controllo`,
  en: (field) => `The field ${field} contains a control character`,
};

const signInRefusal: Record<TestLocale, string> = {
  it: "L'email o la password non sono corrette, oppure l'account è disattivato.",
  en: 'The email or password is not correct, or the account is disabled.',
};

describeE2e('fixing a refused change in its form', () => {
  const e2e = useE2e();

  describe.each(['it', 'en'] as const)('in %s', (locale) => {
    const t = translator(locale);
    const other: TestLocale = locale === 'it' ? 'en' : 'it';

    it('shows the reason in the UI language, opens the record, and retries until accepted', async () => {
      const { app } = await e2e.openApp(locale);
      const sync = new SyncPages(app);
      // The server's reason for a refused sign-in, in the UI's language too.
      const wrong = await app.signInRefused(e2e.stack.seller.email, 'not the password');
      expect(wrong).toContain(signInRefusal[locale]);
      expect(wrong).not.toContain(signInRefusal[other]);
      await app.screenshot('sign-in-refused');
      await app.signIn(e2e.stack.seller.email, e2e.stack.seller.password);
      await app.waitForSynced();

      const firstName = 'Rita';
      const email = `rita.${locale}.${Date.now().toString(36)}@rossi.example`;
      // The lead's first push arrives garbled: a tab inside the surname.
      let garbled = false;
      await app.page.route('**/api/sync/leads/push', async (route) => {
        const body = route.request().postData() ?? '';
        if (garbled || !body.includes(email)) return route.continue();
        garbled = true;
        const rows = JSON.parse(body) as { newDocumentState: Record<string, unknown> }[];
        for (const r of rows) {
          if (r.newDocumentState.email === email) r.newDocumentState.lastName = 'Ros\tsi';
        }
        return route.continue({ postData: JSON.stringify(rows) });
      });
      await new LeadPages(app).capture({
        firstName,
        lastName: 'Rossi',
        company: 'Rossi Impianti Srl',
        email,
      });

      await app.page.getByTestId('sync-rejected').waitFor({ timeout: 60_000 });
      const row = await sync.refusedRow(new RegExp(firstName));
      const reason = await row.innerText();
      expect(reason).toContain(refusal[locale]('lastName'));
      expect(reason).not.toContain(refusal[other]('lastName'));
      // The field, named as the form labels it.
      expect(reason).toContain(t('sync.fieldToCorrect', { field: t('common.lastName') }));
      await app.screenshot('refused-change-panel');
      // Kept on the device only.
      expect((await pullAll(e2e.stack, 'leads')).some((d) => d.email === email)).toBe(false);

      await sync.openFromPanel(row);
      await app.heading().filter({ hasText: firstName }).waitFor();
      expect(await sync.refusedHere.innerText()).toContain(refusal[locale]('lastName'));
      await app.screenshot('refused-change-record');

      // The seller enters the surname again, in full: saving sends it, the office accepts it,
      // the notice goes and the panel empties.
      const form = app.page.getByRole('form', { name: t('lead.detail') });
      const field = (label: string) => form.getByLabel(t(label), { exact: true });
      await field('common.lastName').fill('De Rossi');
      await form.getByRole('button', { name: t('common.save') }).click();
      await sync.refusedHere.waitFor({ state: 'detached', timeout: 60_000 });
      await sync.waitUntilNoneRefused();
      await app.waitForSynced();
      const stored = (await pullAll(e2e.stack, 'leads')).find((d) => d.email === email);
      expect(stored).toMatchObject({
        firstName,
        lastName: 'De Rossi',
        company: 'Rossi Impianti Srl',
      });
    }, 180_000);
  });
});
