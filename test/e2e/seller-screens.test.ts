// What a new seller meets on the screens, each checked on its own: counts in plain words, the
// lead header, Mark as contacted, the opportunity's gates, dates and probabilities, the
// catalog picker, state names and related links, the first sync, the sync screen and the
// status of a second window.
import { describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { DocumentPages } from './pages/document-pages';
import { LeadPages } from './pages/lead-pages';
import type { NewLead } from './pages/lead-pages';
import { translator } from './support/i18n';
import type { TestLocale } from './support/i18n';
import { pullAll } from './support/stack';
import { describeE2e, intl, useE2e } from './support/fixture';

describeE2e('a new seller on the screens', () => {
  const e2e = useE2e();

  const newLead = (tag: string): NewLead => {
    const suffix = `${tag}${Date.now().toString(36)}`;
    return {
      firstName: 'Marta',
      lastName: `Galli ${suffix}`,
      company: `Galli Serramenti ${suffix}`,
      email: `marta.${suffix}@galli.example`,
    };
  };

  const signedIn = async (locale: TestLocale): Promise<AppPage> => (await e2e.signIn(locale)).app;

  describe.each(['en', 'it'] as const)('in %s', (locale) => {
    const t = translator(locale);

    it('counts in plain words, shows who and when on the lead, and marks it contacted', async () => {
      const app = await signedIn(locale);
      const lead = newLead(`l${locale}`);
      const name = `${lead.firstName} ${lead.lastName}`;
      await new LeadPages(app).capture(lead);
      const counted = await app.page.getByText(t('lead.capturedCount', { count: 1 })).innerText();
      expect(counted).toContain(locale === 'en' ? '1 lead captured' : '1 lead acquisito');

      await new LeadPages(app).openFromList(lead.company, name);
      const summary = app.page.locator('dl.header-summary');
      const header = await summary.innerText();
      expect(header).toContain(lead.company);
      expect(header).toContain(e2e.stack.seller.name);
      const today = new Intl.DateTimeFormat(intl[locale], { dateStyle: 'medium' }).format(
        new Date(),
      );
      expect(header).toContain(today);

      const head = app.page.locator('.page-head');
      await head.getByText(t('lead.statuses.new'), { exact: true }).waitFor();
      await app.page.getByRole('button', { name: t('lead.markContacted') }).click();
      await head.getByText(t('lead.statuses.contacted'), { exact: true }).waitFor();
      expect(await app.page.getByRole('button', { name: t('lead.markContacted') }).count()).toBe(0);
      await app.screenshot('lead-contacted');
    }, 120_000);

    it('takes an opportunity through gates, dates, stage probabilities and documents', async () => {
      const app = await signedIn(locale);
      const docs = new DocumentPages(app);
      const leads = new LeadPages(app);
      const lead = newLead(`o${locale}`);
      const { page } = app;
      await leads.capture(lead);
      await leads.openFromList(lead.company, `${lead.firstName} ${lead.lastName}`);
      await leads.qualify();
      // The deal is named after the customer, not the person.
      await page.getByRole('heading', { level: 1, name: lead.company }).waitFor();

      const form = page.getByRole('form', { name: t('common.details') });
      const probability = form.getByLabel(t('opportunity.probability'), { exact: true });
      // The form fills in as the store answers: polled, not read once.
      await expect.poll(() => probability.inputValue()).toBe('30');

      // Catalog: with nothing picked, Add adds nothing.
      await page.getByRole('button', { name: t('lines.addCatalog'), exact: true }).click();
      const dialog = page.getByRole('dialog', { name: t('lines.addTitleCatalog') });
      const results = dialog.getByRole('list', { name: t('lines.catalogResults') });
      await results.getByRole('button').first().waitFor();
      const add = dialog.getByRole('button', { name: new RegExp(`^${t('common.add')}`) });
      await expect.poll(() => add.isDisabled()).toBe(true);
      await dialog.getByText(t('lines.pickFirst')).waitFor();
      const second = results.locator('button:not([disabled])').nth(1);
      const picked = ((await second.getAttribute('aria-label')) ?? '').replace(
        t('lines.pick', { name: '' }),
        '',
      );
      await second.click();
      await expect.poll(() => add.innerText()).toBe(t('lines.addNamed', { name: picked }));
      await add.click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => docs.lineRows().count()).toBe(1);
      await expect.poll(() => docs.lineRows().first().innerText()).toContain(picked);

      // A gate's message goes once the seller did what it asked.
      await page
        .getByRole('button', {
          name: t('opportunity.moveTo', { stage: t('opportunity.stages.propose') }),
        })
        .click();
      const gate = page.getByRole('alert').filter({ hasText: /Propos/ });
      await gate.waitFor();
      const closeDate = form.getByLabel(t('opportunity.estimatedCloseDate'), { exact: true });
      expect(await closeDate.getAttribute('placeholder')).toBe(
        locale === 'en' ? 'dd/mm/yyyy' : 'gg/mm/aaaa',
      );
      await closeDate.fill('31/02/2027');
      await form
        .getByText(t('errors.date', { pattern: locale === 'en' ? 'dd/mm/yyyy' : 'gg/mm/aaaa' }))
        .waitFor();
      await docs.setEstimatedCloseDate('2027-03-31');
      await gate.waitFor({ state: 'detached' });
      await expect.poll(() => closeDate.inputValue()).toBe('31/03/2027');

      await page
        .getByRole('button', {
          name: t('opportunity.moveTo', { stage: t('opportunity.stages.propose') }),
        })
        .click();
      await page
        .getByRole('navigation', { name: t('opportunity.processBar') })
        .getByRole('button', { name: t('opportunity.stages.propose'), exact: true })
        .waitFor();
      await expect.poll(() => probability.inputValue(), { timeout: 30_000 }).toBe('60');
      await page
        .getByRole('list', { name: t('timeline.title') })
        .getByText(
          t('timeline.stageChangedFromTo', {
            from: t('opportunity.stages.develop'),
            to: t('opportunity.stages.propose'),
          }),
        )
        .waitFor();
      await app.screenshot('opportunity-propose');

      // The quote: state names of the rules, titled by the deal, linked back by topic.
      await docs.newQuote();
      const head = page.locator('.page-head');
      await head.getByText(t('quote.states.draft'), { exact: true }).waitFor();
      await head.getByRole('link', { name: lead.company }).waitFor();
      await expect
        .poll(() =>
          page
            .getByLabel(new RegExp(`^${t('quote.name')}`))
            .first()
            .inputValue(),
        )
        .toBe(lead.company);
      await docs.activateQuote();
      await head.getByText(t('quote.states.active'), { exact: true }).waitFor();
      const quoteNumber = await docs.numberFromHeading('quote.detail');
      await docs.createOrder();
      await head.getByText(t('order.states.active'), { exact: true }).waitFor();
      await page.getByRole('link', { name: new RegExp(`^${quoteNumber}`) }).waitFor();
      const orderNumber = await docs.numberFromHeading('order.detail');
      await docs.fulfil();
      await docs.createInvoice();
      await head.getByText(t('invoice.states.active'), { exact: true }).waitFor();
      await page.getByRole('link', { name: orderNumber, exact: true }).waitFor();
      await app.screenshot('invoice-links');

      // The order closed the opportunity as won: what is left is read, not edited.
      // The invoice links its customer's account and its opportunity, both named by the company.
      await page
        .locator('a[href^="#/opportunities/"]')
        .filter({ hasText: lead.company })
        .first()
        .click();
      await page.getByRole('button', { name: t('opportunity.reopen') }).waitFor();
      await expect.poll(() => form.getByRole('textbox').count()).toBe(0);
      await expect.poll(() => form.getByRole('spinbutton').count()).toBe(0);
      await expect.poll(() => form.innerText()).toContain(lead.company);
      await app.screenshot('opportunity-won');

      // The list has no always-empty number column; it names the customer.
      await app.go('opportunities');
      const table = page.getByRole('table', { name: t('opportunity.list') });
      expect(await table.getByRole('columnheader', { name: t('common.number') }).count()).toBe(0);
      await table.getByRole('columnheader', { name: t('common.account') }).waitFor();
    }, 180_000);
  });

  it.each(['en', 'it'] as const)(
    'in %s: closes a deal as lost to a competitor and corrects its contact',
    async (locale) => {
      const { app, t } = await e2e.signIn(locale);
      const { page } = app;
      const leads = new LeadPages(app);
      const lead = newLead(`c${locale}`);
      await leads.capture(lead);
      await leads.openFromList(lead.company, `${lead.firstName} ${lead.lastName}`);
      await leads.qualify();
      await page.getByRole('heading', { level: 1, name: lead.company }).waitFor();

      await page.getByRole('button', { name: t('opportunity.closeLost'), exact: true }).click();
      const dialog = page.getByRole('dialog', { name: t('opportunity.closeLostTitle') });
      expect(await dialog.getByLabel(t('opportunity.lostStatus')).inputValue()).toBe('out_sold');
      await dialog.getByLabel(t('opportunity.competitor'), { exact: true }).fill('Rivali SpA');
      await dialog
        .getByLabel(t('opportunity.closeDescription'), { exact: true })
        .fill('Price too high');
      await app.screenshot('opportunity-close-lost');
      await dialog.getByRole('button', { name: t('opportunity.closeLost'), exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: t('opportunity.reopen') }).waitFor();

      // The contact qualify made, corrected in its edit form.
      await page
        .getByRole('link', { name: `${lead.firstName} ${lead.lastName}` })
        .first()
        .click();
      await page
        .getByRole('heading', { level: 1, name: `${lead.firstName} ${lead.lastName}` })
        .waitFor();
      await page.getByRole('button', { name: t('common.edit'), exact: true }).click();
      const form = page.getByRole('form', { name: t('contact.edit') });
      const save = form.getByRole('button', { name: t('common.save'), exact: true });
      expect(await save.isDisabled()).toBe(true);
      await form.getByLabel(t('common.jobTitle'), { exact: true }).fill('Buyer');
      await form.getByLabel(t('common.mobile'), { exact: true }).fill('+39 333 123 4567');
      await app.screenshot('contact-edit');
      await save.click();
      await form.waitFor({ state: 'detached' });

      await app.waitForSynced();
      const opportunity = (await pullAll(e2e.stack, 'opportunities')).find(
        (d) => d.topic === lead.company,
      );
      expect(opportunity).toMatchObject({
        state: 'lost',
        status: 'out_sold',
        competitor: 'Rivali SpA',
        closeDescription: 'Price too high',
      });
      const contact = (await pullAll(e2e.stack, 'contacts')).find((d) => d.email === lead.email);
      expect(contact).toMatchObject({ jobTitle: 'Buyer', mobile: '+39 333 123 4567' });
    },
    180_000,
  );

  it('says what the first sync downloads, and that the records are on their way', async () => {
    // Leads arrive only when the test lets them: the first sync is caught in the middle.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { app, t } = await e2e.signIn('en', {
      synced: false,
      before: (page) =>
        page.route('**/api/sync/leads/pull*', async (route) => {
          await held;
          await route.continue();
        }),
    });
    await app.go('leads');
    const first = app.syncStatus.getByTestId('sync-first');
    await first.waitFor();
    await expect
      .poll(() => first.innerText(), { timeout: 30_000 })
      .toMatch(/Downloading your records: \d+/);
    const bar = await app.syncStatus.innerText();
    expect(bar).not.toContain(t('sync.upToDate'));
    expect(bar).not.toContain(t('sync.never'));
    await app.page.getByText(t('sync.firstSyncEmpty')).waitFor();
    expect(await app.page.getByText(t('lead.empty')).count()).toBe(0);
    await app.screenshot('first-sync');
    release();
    await app.waitForSynced();
    await app.syncStatus.getByText(/Last sync/).waitFor();
  }, 120_000);

  it('shows per-collection state and the latest syncs on the sync screen', async () => {
    const t = translator('en');
    const app = await signedIn('en');
    await app.go('sync');
    const collections = app.page.getByRole('table', { name: t('sync.collectionsTitle') });
    const leadsRow = collections.getByRole('row', {
      name: new RegExp(`^${t('sync.collectionNames.leads')}`),
    });
    expect(await leadsRow.innerText()).not.toContain(t('sync.never'));
    const waitingLeads = async () => (await leadsRow.innerText()).trim().split(/\s+/).pop();
    const history = app.page.getByRole('table', { name: t('sync.historyTitle') });
    await history.getByText(t('sync.outcomes.ok')).first().waitFor();

    await app.goOffline();
    await new LeadPages(app).capture(newLead('s'));
    await app.go('sync');
    await expect.poll(waitingLeads, { timeout: 30_000 }).toBe('1');
    await app.screenshot('sync-offline');

    await app.goOnline();
    await expect.poll(waitingLeads, { timeout: 60_000 }).toBe('0');
    // The run that sent the lead and its created activity: completed, two documents sent.
    const sentOne = async () =>
      (
        await history
          .getByRole('row')
          .filter({ hasText: t('sync.outcomes.ok') })
          .allInnerTexts()
      )
        .map((text) => Number(text.trim().split(/\s+/).slice(-2)[0]))
        .some((sent) => sent >= 2);
    await expect
      .poll(sentOne, { timeout: 30_000 })
      .toBe(true)
      .catch(async (error: unknown) => {
        await app.screenshot('sync-history-failed');
        throw error;
      });
    await app.screenshot('sync-history');
  }, 120_000);

  it("shows the leader window's sync status in a second window", async () => {
    const t = translator('en');
    const leader = await signedIn('en');
    // The second window opens the same signed-in store; only the first one replicates.
    const second = new AppPage(await leader.page.context().newPage(), t, 'en');
    await second.open(e2e.stack.appUrl);
    await second.unlockStore(e2e.stack.seller.password);
    await second.waitForSynced();
    const lead = newLead('w');
    await new LeadPages(second).capture(lead);
    // The leader pushes the lead; the second window hears it is synced.
    await expect
      .poll(async () => (await pullAll(e2e.stack, 'leads')).some((d) => d.email === lead.email), {
        timeout: 60_000,
      })
      .toBe(true);
    await second.syncStatus.getByText(t('sync.upToDate')).waitFor({ timeout: 30_000 });
    await second.go('sync');
    const history = second.page.getByRole('table', { name: t('sync.historyTitle') });
    await history
      .getByRole('row')
      .filter({ hasText: t('sync.outcomes.ok') })
      .first()
      .waitFor();
    await second.screenshot('second-window-sync');
  }, 120_000);
});
