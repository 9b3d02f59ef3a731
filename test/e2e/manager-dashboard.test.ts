// The sales manager's dashboard: a seller wins a deal offline at the fair, syncs when back
// online, and the manager of the team sees it on the dashboard (forecast, win rate, funnel),
// in Italian and in English. A seller has no dashboard in the sidebar and cannot open it.
import { expect, it } from 'vitest';
import { LeadPages } from './pages/lead-pages';
import type { TestLocale } from './support/i18n';
import type { Credentials } from './support/stack';
import { addOfficeUser, pullAll } from './support/stack';
import { describeE2e, useE2e } from './support/fixture';

const manager: Credentials = {
  email: 'e2e.manager@fairlead.test',
  password: 'e2e-Manag3r!',
  name: 'Marta Moretti',
};

const colleague: Credentials = {
  email: 'e2e.colleague@fairlead.test',
  password: 'e2e-C0lleague!',
  name: 'Luca Lodi',
};

describeE2e('the manager dashboard', () => {
  const month = new Date().toISOString().slice(0, 7);
  const e2e = useE2e({
    setup: async (stack) => {
      await addOfficeUser(stack, { ...manager, role: 'manager', team: 'E2E Team' });
      await addOfficeUser(stack, { ...colleague, role: 'seller', team: 'E2E Team' });
    },
  });

  it('shows a deal a seller won offline once the seller has synced', async () => {
    const { app: seller, t, context } = await e2e.signIn('en');
    const nav = seller.page.getByRole('navigation', { name: t('app.mainNav') });
    expect(await nav.getByRole('link', { name: t('nav.dashboard'), exact: true }).count()).toBe(0);
    await seller.page.goto(`${e2e.stack.appUrl}#/dashboard`);
    await seller.page.getByText(t('app.notForRole')).waitFor();

    // At the fair, no signal: capture, qualify and win the deal.
    await seller.goOffline();
    const leads = new LeadPages(seller);
    await leads.capture({
      firstName: 'Davide',
      lastName: 'Dashboard',
      company: 'Cruscotti Srl',
      email: 'davide@cruscotti.example',
    });
    await leads.openFromList('Cruscotti', 'Davide Dashboard');
    await leads.qualify();
    await seller.page.getByRole('button', { name: t('opportunity.closeWon'), exact: true }).click();
    const dialog = seller.page.getByRole('dialog', { name: t('opportunity.closeWonTitle') });
    await dialog.getByLabel(new RegExp(`^${t('opportunity.actualRevenue')}`)).fill('1234.50');
    await dialog.getByRole('button', { name: t('opportunity.closeWon'), exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await seller.goOnline();
    await context.close();

    // Italian first: the English pass ends by giving the deal to a colleague.
    for (const locale of ['it', 'en'] as TestLocale[]) {
      const {
        app,
        t: tl,
        context: office,
      } = await e2e.signIn(locale, {
        user: manager,
        viewport: { width: 1366, height: 1000 },
      });
      await app.go('dashboard');
      await app.page.getByRole('heading', { level: 1, name: tl('dashboard.title') }).waitFor();
      const report = (id: string) => app.page.locator(`section[data-report="${id}"]`);
      const won = new RegExp(`1[.,\\s\\u202f]?234[.,]50`);
      const forecastRow = report('forecast').getByRole('row', { name: new RegExp(month) });
      await forecastRow.waitFor({ timeout: 60_000 });
      expect(await forecastRow.innerText()).toMatch(won);
      const winRow = report('win-rate').getByRole('row', {
        name: new RegExp(e2e.stack.seller.name),
      });
      await winRow.waitFor();
      const cells = await winRow.getByRole('cell').allInnerTexts();
      expect(cells.slice(1, 3)).toEqual(['1', '0']); // won, lost
      expect(cells.join(' ')).toMatch(won);
      const funnelWon = report('funnel').getByRole('row', {
        name: new RegExp(`^${tl('dashboard.funnelSteps.won')}`),
      });
      expect((await funnelWon.getByRole('cell').allInnerTexts())[0]).toBe('1');
      // Each report's chart is drawn, and its numbers are a table.
      expect(
        await app.page.locator('section[data-report] .recharts-wrapper').count(),
      ).toBeGreaterThanOrEqual(9);
      await app.screenshot('manager-dashboard');
      if (locale === 'en') {
        // The manager gives the won opportunity to a colleague: it leaves the seller's share.
        const lead = (await pullAll(e2e.stack, 'leads')).find(
          (d) => d.email === 'davide@cruscotti.example',
        );
        const opportunityId = String(lead?.qualifiedOpportunityId);
        expect(
          (await pullAll(e2e.stack, 'opportunities')).some((d) => d.id === opportunityId),
        ).toBe(true);
        await app.page.goto(`${e2e.stack.appUrl}#/opportunities/${opportunityId}`);
        const details = app.page.getByRole('form', { name: tl('common.details') });
        const category = details
          .locator('.read-field', { hasText: tl('opportunity.forecastCategory') })
          .locator('dd');
        expect(await category.innerText()).toBe(tl('opportunity.forecastCategories.won'));
        // The page's head shows what the won deal brought in, not the estimate.
        const head = app.page.locator('.page-head').getByLabel(tl('opportunity.actualRevenue'));
        expect(await head.innerText()).toMatch(won);
        const panel = app.page.getByRole('region', { name: tl('reassign.title') });
        await panel.getByText(tl('reassign.papers')).waitFor();
        await panel.getByLabel(tl('reassign.to')).selectOption({ label: colleague.name });
        await panel.getByRole('button', { name: tl('reassign.button') }).click();
        await panel.getByText(tl('reassign.done', { name: colleague.name })).waitFor();
        await app.screenshot('reassign-opportunity');
        await app.waitForSynced();
        expect(
          (await pullAll(e2e.stack, 'opportunities')).some((d) => d.id === opportunityId),
        ).toBe(false);
      }
      await office.close();
    }
  }, 300_000);
});
