// GDPR consent at the stand names the office's company (its reference data), in the
// screen's language, and that exact wording reaches the server as the proof of consent.
import { expect, it } from 'vitest';
import { demoCompany } from '../../shared/dataset';
import { captureConsentWording } from '../../shared/domain/company';
import { LeadPages } from './pages/lead-pages';
import { pullAll } from './support/stack';
import { describeE2e, useE2e } from './support/fixture';

describeE2e('consent at capture', () => {
  const e2e = useE2e();

  it.each(['it', 'en'] as const)(
    'shows and stores the company’s wording in %s',
    async (locale) => {
      const { app, t } = await e2e.signIn(locale);
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
      const stored = (await pullAll(e2e.stack, 'leads')).find((d) => d['email'] === lead.email);
      expect(stored?.['consent']).toMatchObject({ given: true, wording: expected });
    },
    180_000,
  );
});
