// A change the server refuses shows in the rejected-changes panel with the server's reason,
// stays on the device, and goes through once retried.
import { expect, it } from 'vitest';
import { LeadPages } from './pages/lead-pages';
import { pullAll } from './support/stack';
import { describeE2e, useE2e } from './support/fixture';

describeE2e('rejected changes', () => {
  const e2e = useE2e();

  it('shows a server-rejected change in the panel and retries it', async () => {
    const { app, t } = await e2e.signIn('en');

    // The push is signed by someone else on the way: the server must refuse the row.
    await app.page.route('**/api/sync/leads/push', async (route) => {
      const rows = JSON.parse(route.request().postData() ?? '[]') as {
        newDocumentState: { updatedBy: string };
      }[];
      for (const row of rows) row.newDocumentState.updatedBy = 'someone-else';
      await route.continue({ postData: JSON.stringify(rows) });
    });
    const lead = {
      firstName: 'Rita',
      lastName: 'Rifiutata',
      company: 'Rejects SpA',
      email: 'rita@rejects.example',
    };
    await new LeadPages(app).capture(lead);

    await app.page.getByTestId('sync-rejected').waitFor({ timeout: 60_000 });
    await app.go('sync');
    const panel = app.page.getByRole('table', { name: t('sync.rejectedTitle') });
    const row = panel.getByRole('row', { name: /Rita Rifiutata/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('signed by the user');
    await app.screenshot('rejected-changes');
    // Kept on the device, not on the server.
    expect((await pullAll(e2e.stack, 'leads')).some((d) => d.email === lead.email)).toBe(false);

    await app.page.unroute('**/api/sync/leads/push');
    await row.getByRole('button', { name: new RegExp(`^${t('sync.retry')}`) }).click();
    await app.page.getByText(t('sync.noRejected')).waitFor({ timeout: 60_000 });
    await app.waitForSynced();
    expect((await pullAll(e2e.stack, 'leads')).some((d) => d.email === lead.email)).toBe(true);
  }, 180_000);
});
