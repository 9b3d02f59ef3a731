// Qualify warns about likely duplicates and links the existing account instead of creating
// a second copy of the same customer.
import { expect, it } from 'vitest';
import { LeadPages } from './pages/lead-pages';
import { describeE2e, useE2e } from './support/fixture';

describeE2e('qualify with duplicates', () => {
  const e2e = useE2e();

  it('offers the existing account and links it', async () => {
    const { app, t } = await e2e.signIn('it');
    const leads = new LeadPages(app);

    const first = {
      firstName: 'Marco',
      lastName: 'Bassi',
      company: 'Officine Bassi Srl',
      email: 'marco@officinebassi.example',
    };
    await leads.capture(first);
    await leads.openFromList(first.company, 'Marco Bassi');
    await leads.qualify();
    const accountUrl = await app.page
      .getByRole('link', { name: first.company })
      .getAttribute('href');

    const second = {
      firstName: 'Lucia',
      lastName: 'Bassi',
      company: 'Officine Bassi S.r.l.',
      email: 'marco@officinebassi.example',
    };
    await leads.capture(second);
    await leads.openFromList('Lucia', 'Lucia Bassi');
    await app.page.getByRole('button', { name: t('lead.qualify'), exact: true }).click();
    const dialog = app.page.getByRole('dialog', { name: t('lead.qualifyTitle') });
    const link = dialog.getByRole('radio', {
      name: new RegExp(t('lead.linkAccount', { name: first.company })),
    });
    await link.waitFor();
    // The strongest match is chosen by default: the seller only confirms.
    expect(await link.isChecked()).toBe(true);
    await app.screenshot('qualify-duplicates');
    await dialog.getByRole('button', { name: t('lead.createOpportunity') }).click();
    await app.page.getByRole('navigation', { name: t('opportunity.processBar') }).waitFor();
    expect(await app.page.getByRole('link', { name: first.company }).getAttribute('href')).toBe(
      accountUrl,
    );
  }, 180_000);

  it('disqualifies a lead with a reason and reactivates it', async () => {
    const { app, t } = await e2e.signIn('en');
    const leads = new LeadPages(app);
    const lead = {
      firstName: 'Paolo',
      lastName: 'Neri',
      company: 'Neri Arredi',
      email: 'paolo@neri.example',
    };
    await leads.capture(lead);
    await leads.openFromList(lead.company, 'Paolo Neri');
    await app.page.getByRole('button', { name: t('lead.disqualify'), exact: true }).click();
    const dialog = app.page.getByRole('dialog', { name: t('lead.disqualifyTitle') });
    await dialog
      .getByLabel(t('lead.disqualifyReason'), { exact: true })
      .selectOption({ label: t('lead.statuses.cannot_contact') });
    await app.screenshot('lead-disqualify');
    await dialog.getByRole('button', { name: t('lead.disqualify') }).click();
    await app.page.getByText(t('lead.statuses.cannot_contact'), { exact: true }).waitFor();
    await app.page.getByRole('button', { name: t('lead.reactivate') }).click();
    await app.page.getByRole('button', { name: t('lead.qualify'), exact: true }).waitFor();
    expect(await app.page.getByRole('button', { name: t('lead.reactivate') }).count()).toBe(0);
  }, 180_000);
});
