// The public web opt-in page: a visitor with no sign-in fills it in; the assigned seller's
// device shows the lead, new, with its consent after sync; the page refuses a submission
// without consent and a flood from one address.
import { expect, it } from 'vitest';
import { officeAdmin } from './support/stack';
import { AppPage } from './pages/app-page';
import { translator } from './support/i18n';
import { describeE2e, useE2e } from './support/fixture';

describeE2e('web opt-in page', () => {
  const e2e = useE2e({
    // The office routes the form's leads to the test seller (the documented admin command).
    setup: (stack) =>
      officeAdmin(stack.dataDir, 'webform', 'assign', '--seller', stack.seller.email).then(
        () => undefined,
      ),
  });

  it('a visitor opts in; the seller sees the lead with its consent; no consent and floods are refused', async () => {
    // The visitor: a fresh browser context in Italian, never signed in.
    const visitor = await e2e.newContext('it', { viewport: { width: 900, height: 900 } });
    const page = await visitor.newPage();
    const shots = new AppPage(page, translator('it'), 'it');
    await page.goto(`${e2e.stack.apiUrl}/optin?source=${encodeURIComponent('Pagina fiera 2026')}`);
    await page.getByRole('heading', { name: 'Restiamo in contatto' }).waitFor();
    const consent = page.getByRole('checkbox', { name: /Acconsento/ });
    expect(await consent.isChecked()).toBe(false);
    await page.getByLabel('Nome', { exact: true }).fill('Ottavia');
    await page.getByLabel('Cognome', { exact: true }).fill('Sitoweb');
    await page.getByLabel('Azienda', { exact: true }).fill('Web Srl');
    await page.getByLabel(/^Email/).fill('ottavia@web.example');
    await page.getByLabel('Come possiamo aiutarti?').fill('Vorrei una demo');
    await consent.check();
    await shots.screenshot('web-opt-in');
    await page.getByRole('button', { name: 'Invia' }).click();
    await page.getByRole('status').getByText('Abbiamo ricevuto i tuoi dati').waitFor();
    await shots.screenshot('web-opt-in-thanks');

    // Without consent (the browser's own check switched off): the server refuses it.
    await page.goto(`${e2e.stack.apiUrl}/optin?lang=en`);
    await page.getByLabel('Last name', { exact: true }).fill('Noconsent');
    await page.getByLabel(/^Email/).fill('no.consent@web.example');
    await page.locator('form').evaluate((f) => f.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('alert').getByText('Please tick the consent box').waitFor();
    expect(await page.getByRole('checkbox').isChecked()).toBe(false);
    await new AppPage(page, translator('en'), 'en').screenshot('web-opt-in-no-consent');

    // A flood from the same address: refused with 429 before it reaches the store.
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await visitor.request.post(`${e2e.stack.apiUrl}/optin`, {
        form: {
          lang: 'en',
          lastName: `Flood ${i}`,
          email: `flood${i}@web.example`,
          consent: 'yes',
        },
      });
      statuses.push(res.status());
    }
    expect(statuses.slice(-4)).toEqual([429, 429, 429, 429]);
    await page.goto(`${e2e.stack.apiUrl}/optin?lang=en`);
    await page.getByLabel('Last name', { exact: true }).fill('Later');
    await page.getByLabel(/^Email/).fill('later@web.example');
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('alert').getByText('Too many submissions').waitFor();
    await visitor.close();

    // The seller's device, in English: the lead arrives at sync, new, with its consent.
    const { app, t } = await e2e.signIn('en');
    await app.go('leads');
    const row = app.page
      .getByRole('table', { name: t('lead.list') })
      .getByRole('row', { name: /Ottavia Sitoweb/ });
    await row.waitFor({ timeout: 60_000 });
    expect(await row.innerText()).toContain(t('lead.statuses.new'));
    expect(await row.innerText()).toContain(t('lead.sources.web'));
    expect(
      await app.page
        .getByRole('table', { name: t('lead.list') })
        .getByText('Noconsent')
        .count(),
    ).toBe(0);
    await app.screenshot('web-lead-list');
    await row.click();
    await app.page.getByRole('heading', { level: 1, name: 'Ottavia Sitoweb' }).waitFor();
    await app.page
      .getByText(new RegExp(`^${t('lead.consentGiven')} · .+ · ${t('lead.consentHowWebForm')}$`))
      .waitFor();
    await app.page.getByText(/^Acconsento che/).waitFor();
    await app.page
      .getByRole('list', { name: t('timeline.title') })
      .getByText(t('timeline.events.lead_web_opt_in'))
      .waitFor();
    await app.screenshot('web-lead-detail');
  }, 240_000);
});
