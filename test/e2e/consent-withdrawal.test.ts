// GDPR consent withdrawal in Chromium: one action on the lead and on the contact page, a
// timeline entry, the consent record updated (when, how), and the person flagged in the
// lists and pages where they appear; the office receives it all at the next sync.
import { expect, it } from 'vitest';
import type { AppPage } from './pages/app-page';
import { LeadPages } from './pages/lead-pages';
import { pullAll } from './support/stack';
import { describeE2e, useE2e } from './support/fixture';

/** Withdraws consent on the open lead or contact page, telling how. */
const withdraw = async (app: AppPage, how: string, shot: string): Promise<void> => {
  const { page, t } = app;
  await page.getByRole('button', { name: t('consent.withdraw'), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: t('consent.withdrawTitle') });
  await dialog.getByLabel(t('consent.how')).selectOption(how);
  await app.screenshot(`${shot}-withdraw-dialog`);
  await dialog.getByRole('button', { name: t('consent.withdraw'), exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  // Flagged on the page, the action gone (it cannot be withdrawn twice), on the timeline.
  await page.locator('.page-head').getByText(t('consent.withdrawnBadge')).waitFor();
  expect(await page.getByRole('button', { name: t('consent.withdraw') }).count()).toBe(0);
  await page.getByText(t('timeline.events.consent_withdrawn')).first().waitFor();
  await page
    .getByRole('status')
    .getByText(t(`consent.channels.${how}`), { exact: false })
    .first()
    .waitFor();
  await app.screenshot(`${shot}-withdrawn`);
};

describeE2e('consent withdrawal', () => {
  const e2e = useE2e();

  it.each(['en', 'it'] as const)(
    'withdraws on a lead and on a contact, flagged in lists and pages (%s)',
    async (locale) => {
      const { app, t } = await e2e.signIn(locale);
      const leads = new LeadPages(app);
      const suffix = `${locale}${Date.now().toString(36)}`;
      const lead = {
        firstName: 'Paola',
        lastName: `Revoca ${suffix}`,
        company: `Revoca Srl ${suffix}`,
        email: `paola.${suffix}@example.com`,
      };
      const person = {
        firstName: 'Luigi',
        lastName: `Contatto ${suffix}`,
        company: `Contatto Spa ${suffix}`,
        email: `luigi.${suffix}@example.com`,
      };

      // On the lead.
      await leads.capture(lead);
      await leads.openFromList(lead.company, `Paola Revoca ${suffix}`);
      await withdraw(app, 'phone', 'consent-lead');
      await app.go('leads');
      await app.page.getByLabel(t('lead.filterText'), { exact: true }).fill(lead.company);
      const row = app.page
        .getByRole('table', { name: t('lead.list') })
        .getByRole('row', { name: new RegExp(lead.company) });
      await row.getByText(t('consent.withdrawnBadge')).waitFor();
      await app.screenshot('consent-lead-list');

      // On a contact: the lead qualified into one, then the contact page.
      await leads.capture(person);
      await leads.openFromList(person.company, `Luigi Contatto ${suffix}`);
      await leads.qualify();
      await app.go('contacts');
      await app.page.getByLabel(t('contact.filter'), { exact: true }).fill(person.lastName);
      const contactRow = app.page
        .getByRole('table', { name: t('contact.list') })
        .getByRole('row', { name: new RegExp(person.lastName) });
      await contactRow.first().click();
      await app.page.getByRole('heading', { level: 1, name: `Luigi Contatto ${suffix}` }).waitFor();
      expect(await app.page.getByText(t('consent.withdrawnBadge')).count()).toBe(0);
      await withdraw(app, 'email', 'consent-contact');
      await app.go('contacts');
      await app.page.getByLabel(t('contact.filter'), { exact: true }).fill(person.lastName);
      await contactRow.getByText(t('consent.withdrawnBadge')).waitFor();
      await app.screenshot('consent-contact-list');

      // The office has the records as withdrawn, with when and how, and the timeline events.
      await app.waitForSynced();
      const storedLead = (await pullAll(e2e.stack, 'leads')).find((d) => d['email'] === lead.email);
      expect(storedLead?.['consent']).toMatchObject({ given: false, how: 'withdrawn_phone' });
      expect(String((storedLead?.['consent'] as { at: string }).at)).toMatch(/^\d{4}-/);
      const storedContact = (await pullAll(e2e.stack, 'contacts')).find(
        (d) => d['email'] === person.email,
      );
      expect(storedContact?.['consent']).toMatchObject({ given: false, how: 'withdrawn_email' });
      const events = (await pullAll(e2e.stack, 'activities')).filter(
        (a) =>
          a['event'] === 'consent.withdrawn' &&
          (a['regardingId'] === storedLead?.['id'] || a['regardingId'] === storedContact?.['id']),
      );
      expect(events).toHaveLength(2);
    },
    240_000,
  );
});
