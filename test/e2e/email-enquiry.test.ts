// E-mailed enquiries: an .eml dropped onto the lead list becomes a lead with the e-mail on its
// timeline; a second e-mail from the same sender lands on the same lead.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestLocale } from './support/i18n';
import { pullAll } from './support/stack';
import { describeE2e, useE2e } from './support/fixture';

const eml = (sender: string, subject: string, id: string, body: string) =>
  [
    `From: =?UTF-8?Q?Nicol=C3=B2_Ferr=C3=A0?= <${sender}>`,
    `Subject: ${subject}`,
    'Date: Mon, 30 Nov 2026 10:15:00 +0100',
    `Message-ID: <${id}>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="alt"',
    '',
    '--alt',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    body,
    '--alt',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>html</p>',
    '--alt--',
    '',
  ].join('\r\n');

/** Drops files onto the lead list as the OS would: a DataTransfer holding Files. */
const dropFiles = async (page: Page, files: { name: string; text: string }[]) => {
  // Runs in the page: the browser's DataTransfer and File (the test's tsconfig has no DOM).
  type BrowserGlobals = {
    DataTransfer: new () => { items: { add(file: unknown): void } };
    File: new (parts: string[], name: string, options: { type: string }) => unknown;
  };
  const transfer = await page.evaluateHandle((list) => {
    const g = globalThis as unknown as BrowserGlobals;
    const dt = new g.DataTransfer();
    for (const f of list) dt.items.add(new g.File([f.text], f.name, { type: 'message/rfc822' }));
    return dt;
  }, files);
  const target = page.locator('section[aria-labelledby="leads-title"]');
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
};

describeE2e('e-mail enquiries', () => {
  const e2e = useE2e();

  for (const locale of ['en', 'it'] as TestLocale[]) {
    it(`a dropped .eml becomes a lead, a second lands on it (${locale})`, async () => {
      const { app, t } = await e2e.signIn(locale);
      const { page } = app;
      await app.go('leads');

      const sender = `nicolo.${locale}@ferra.example`;
      await dropFiles(page, [
        {
          name: 'enquiry.eml',
          text: eml(
            sender,
            'Richiesta preventivo',
            `1.${locale}@ferra.example`,
            'Vorrei un caff=C3=A8.',
          ),
        },
      ]);
      const dialog = page.getByRole('dialog', { name: t('email.reviewTitle_one', { count: 1 }) });
      await dialog.waitFor();
      const consent = dialog.getByLabel(t('email.consentFrom', { sender }));
      expect(await consent.isChecked()).toBe(false);
      await consent.check();
      await app.screenshot('email-review');
      await dialog.getByRole('button', { name: t('email.addToLeads') }).click();
      const landed = page.getByRole('list', { name: t('email.landedList') });
      await landed.getByText(t('email.newLead')).waitFor();
      await app.screenshot('email-landed');

      await dropFiles(page, [
        {
          name: 'follow-up.eml',
          text: eml(sender, 'Seconda domanda', `2.${locale}@ferra.example`, 'E il prezzo?'),
        },
      ]);
      await page
        .getByRole('dialog')
        .getByRole('button', { name: t('email.addToLeads') })
        .click();
      await landed.getByText(t('email.knownSender')).waitFor();
      await landed.getByRole('link').first().click();
      await page.getByRole('heading', { level: 1, name: /Nicolò Ferrà/ }).waitFor();
      const timeline = page.getByRole('list', { name: t('timeline.title') });
      await timeline.getByText('Richiesta preventivo', { exact: true }).waitFor();
      await timeline.getByText('Seconda domanda', { exact: true }).waitFor();
      await timeline.getByText('Vorrei un caffè.').waitFor();
      await page.getByText(t('lead.consentHowEmail'), { exact: false }).waitFor();
      await app.screenshot('email-lead');

      await app.waitForSynced();
      const leads = (await pullAll(e2e.stack, 'leads')).filter((d) => d.email === sender);
      expect(leads).toHaveLength(1);
      expect(leads[0]).toMatchObject({ source: 'email', consent: { given: true, how: 'email' } });
      const mails = (await pullAll(e2e.stack, 'activities')).filter(
        (a) => a.type === 'email' && a.regardingId === leads[0]?.id,
      );
      expect(mails.map((a) => a.subject).sort()).toEqual([
        'Richiesta preventivo',
        'Seconda domanda',
      ]);
    }, 180_000);
  }
});
