// GDPR consent at the stand names the office's company (its reference data), in the
// screen's language, and that exact wording reaches the server as the proof of consent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoCompany } from '../../shared/dataset';
import { captureConsentWording } from '../../shared/domain/company';
import { AppPage } from './pages/app-page';
import { LeadPages } from './pages/lead-pages';
import { chromiumAvailable, chromiumPath, launchChromium } from './support/browser';
import { translator } from './support/i18n';
import type { Stack } from './support/stack';
import { pullAll, startStack } from './support/stack';

const canRun = chromiumAvailable();
if (!canRun) console.warn(`e2e skipped: no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);

describe.skipIf(!canRun)('consent at capture', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it.each(['it', 'en'] as const)(
    'shows and stores the company’s wording in %s',
    async (locale) => {
      const t = translator(locale);
      const context = await browser.newContext({
        locale: locale === 'it' ? 'it-IT' : 'en-GB',
        viewport: { width: 1366, height: 900 },
      });
      const app = new AppPage(await context.newPage(), t, locale);
      await app.open(stack.appUrl);
      await app.signIn(stack.seller.email, stack.seller.password);
      await app.waitForSynced();
      const expected = captureConsentWording(demoCompany, locale);
      expect(expected).toContain('Officine Brenta S.r.l.');

      await app.go('leads');
      await app.page.getByRole('button', { name: t('lead.capture') }).click();
      const form = app.page.getByRole('form', { name: t('lead.captureTitle') });
      await form.getByText(expected).waitFor();
      expect(await form.innerText()).not.toContain('Fairlead');
      await app.page.goBack();

      const suffix = `${locale}${Date.now().toString(36)}`;
      const lead = {
        firstName: 'Marta',
        lastName: `Consenso ${suffix}`,
        company: `Brenta Test ${suffix}`,
        email: `marta.${suffix}@example.com`,
      };
      await new LeadPages(app).capture(lead);
      await app.waitForSynced();
      const stored = (await pullAll(stack, 'leads')).find((d) => d['email'] === lead.email);
      expect(stored?.['consent']).toMatchObject({ given: true, wording: expected });
      await context.close();
    },
    180_000,
  );
});
