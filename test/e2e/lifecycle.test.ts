// The whole sales lifecycle through the UI, offline from capture to payment, once in Italian
// and once in English; then online: every document reaches the server and a second device.
import { describe, expect, it } from 'vitest';
import { DocumentPages } from './pages/document-pages';
import { LeadPages } from './pages/lead-pages';
import { translator } from './support/i18n';
import { pullAll } from './support/stack';
import { describeE2e, sharedSetup, useE2e } from './support/fixture';

describeE2e('lead to invoice through the UI, offline', () => {
  const e2e = useE2e();

  describe.each(['it', 'en'] as const)('in %s', (locale) => {
    const t = translator(locale);
    const suffix = `${locale}${Date.now().toString(36)}`;
    const lead = {
      firstName: 'Giulia',
      lastName: `Ferri ${suffix}`,
      company: `Ferri Impianti ${suffix}`,
      email: `giulia.${suffix}@ferri.example`,
    };
    const mistakeCompany = `Errore ${suffix}`;
    // The walk whose documents the later tests read: made by the first test that runs, so
    // each of them also runs alone.
    const walk = sharedSetup(async () => {
      const numbers: Record<'quote' | 'order' | 'invoice', string> = {
        quote: '',
        order: '',
        invoice: '',
      };
      const { app } = await e2e.openApp(locale);
      const leads = new LeadPages(app);
      const docs = new DocumentPages(app);

      await app.screenshot('sign-in');
      await app.signIn(e2e.stack.seller.email, e2e.stack.seller.password);
      await app.waitForSynced();

      await app.goOffline();

      // A lead captured by mistake: its owner deletes it while it is open.
      const mistake = { ...lead, company: mistakeCompany, email: `x.${suffix}@x.example` };
      await leads.capture(mistake);
      await leads.openFromList(mistake.company, `${mistake.firstName} ${mistake.lastName}`);
      await leads.deleteOpen();
      await expect.poll(() => leads.countInList(mistake.company)).toBe(0);

      await leads.capture(lead);
      await leads.openFromList(lead.company, `${lead.firstName} ${lead.lastName}`);
      await leads.qualify();
      await app.screenshot('opportunity');
      await docs.setEstimatedCloseDate('2027-03-31');
      await docs.logActivity('phone_call', `Call ${suffix}`);
      // The account and contact qualify created, with their opportunity and timeline.
      await app.page.getByRole('link', { name: lead.company }).click();
      await app.page.getByRole('heading', { level: 1, name: lead.company }).waitFor();
      await app.page
        .getByRole('link', { name: `${lead.firstName} ${lead.lastName}` })
        .first()
        .waitFor();
      await app.screenshot('account-detail');
      await app.page
        .getByRole('link', { name: `${lead.firstName} ${lead.lastName}` })
        .first()
        .click();
      await app.page
        .getByRole('heading', { level: 1, name: `${lead.firstName} ${lead.lastName}` })
        .waitFor();
      await app.screenshot('contact-detail');
      // The opportunity is named after the customer; the account link comes first.
      await app.page.getByRole('link', { name: lead.company }).last().click();
      await app.page.getByRole('navigation', { name: t('opportunity.processBar') }).waitFor();

      await docs.addCatalogLine('', '2');
      await docs.addWriteInLine(`Installazione ${suffix}`, '150,50', '1');
      expect(await docs.lineRows().count()).toBe(2);
      await app.screenshot('opportunity-lines');

      await app.go('pipeline');
      await app.page.getByRole('heading', { name: t('opportunity.pipelineTitle') }).waitFor();
      await app.screenshot('pipeline');
      await app.page.goBack();

      await docs.newQuote();
      await docs.setFreight('25');
      await app.screenshot('quote-draft');
      await docs.activateQuote();
      await docs.reviseQuote();
      await app.screenshot('quote-revised');
      await docs.activateQuote();
      numbers.quote = await docs.numberFromHeading('quote.detail');

      await docs.createOrder();
      numbers.order = await docs.numberFromHeading('order.detail');
      await app.screenshot('order');
      await docs.fulfil();
      await docs.createInvoice();
      numbers.invoice = await docs.numberFromHeading('invoice.detail');
      await docs.markPaid();
      await app.screenshot('invoice-paid');

      for (const section of [
        'accounts',
        'contacts',
        'opportunities',
        'quotes',
        'orders',
        'invoices',
        'sync',
        'settings',
      ]) {
        await app.go(section);
        await app.heading().waitFor();
        await app.screenshot(`list-${section}`);
      }
      // Still offline: the changes wait on the device.
      expect(await app.syncStatus.getByText(t('sync.offline')).isVisible()).toBe(true);
      expect(await app.page.getByTestId('sync-pending').innerText()).not.toBe(t('sync.upToDate'));

      await app.goOnline();
      await app.go('sync');
      await app.screenshot('synced');
      // Nothing the seller did may be refused by the server.
      // The sync screen reads its lists from the store after it opens: wait for them.
      await expect
        .poll(() => app.page.locator('main').innerText(), { timeout: 30_000 })
        .toContain(t('sync.noRejected'));
      return numbers;
    });

    it('runs capture → qualify → lines → quote → revise → order → fulfil → invoice → paid with no network', async () => {
      await walk();
    }, 240_000);

    it('finds every document on the server', async () => {
      const numbers = await walk();
      const invoices = await pullAll(e2e.stack, 'invoices');
      const invoice = invoices.find((d) => d.number === numbers.invoice);
      expect(invoice?.state).toBe('paid');
      const orders = await pullAll(e2e.stack, 'orders');
      expect(orders.find((d) => d.number === numbers.order)?.state).toBe('invoiced');
      const quotes = (await pullAll(e2e.stack, 'quotes')).filter((d) => d.number === numbers.quote);
      expect(quotes.map((q) => q.status).sort()).toEqual(['revised', 'won']);
      const leadsOnServer = await pullAll(e2e.stack, 'leads');
      expect(leadsOnServer.find((d) => d.email === lead.email)?.state).toBe('qualified');
      // The deleted lead reached the server as a tombstone, accepted under the deletion table.
      expect(leadsOnServer.find((d) => d.company === mistakeCompany)?._deleted).toBe(true);
    }, 240_000);

    it('shows the documents in a second signed-in browser', async () => {
      const numbers = await walk();
      const { app } = await e2e.signIn(locale);
      await app.searchAndOpen(numbers.invoice);
      await app.page
        .getByRole('heading', { level: 1, name: t('invoice.detail', { number: numbers.invoice }) })
        .waitFor();
      await app.page.getByText(t('invoice.statuses.paid'), { exact: true }).first().waitFor();
      await app.screenshot('second-device-invoice');
      await app.searchAndOpen(numbers.order);
      await app.page
        .getByRole('heading', { level: 1, name: t('order.detail', { number: numbers.order }) })
        .waitFor();
      await app.searchAndOpen(lead.company);
      await app.heading().waitFor();
    }, 360_000);
  });
});
