// Business card → lead in the browser build: the photo is read by the OCR worker the app
// ships (no network beyond the app's own origin), the seller checks the fields and saves; the
// lead keeps the card image on its timeline.
import { expect, it } from 'vitest';
import { cardTruth, renderCards } from '../support/business-cards';
import { launchChromium } from './support/browser';
import { pullAll } from './support/stack';
import { describeE2e, useE2e } from './support/fixture';

describeE2e('business card capture', () => {
  const e2e = useE2e();

  it('reads a card on the device, lets the seller correct it and saves it with its image', async () => {
    const card = cardTruth(0);
    const [png] = await renderCards(e2e.browser, [card]);
    const outside: string[] = [];
    const { app, t } = await e2e.signIn('it', {
      viewport: { width: 1366, height: 1000 },
      before: (page) => {
        page.on('request', (r) => {
          const url = new URL(r.url());
          if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol.startsWith('http'))
            outside.push(r.url());
        });
      },
    });
    await app.go('leads');
    await app.page.getByRole('button', { name: t('card.read') }).click();
    const dialog = app.page.getByRole('dialog', { name: t('card.title') });
    await dialog.getByLabel(t('card.photo')).setInputFiles({
      name: 'card.png',
      mimeType: 'image/png',
      buffer: png as Buffer,
    });
    const email = dialog.getByLabel(t('common.email'), { exact: true });
    await email.waitFor({ timeout: 90_000 });
    expect(await email.inputValue()).toBe(card.email);
    expect(await dialog.getByLabel(t('common.lastName'), { exact: true }).inputValue()).toBe(
      card.lastName,
    );
    expect(await dialog.getByLabel(t('common.company'), { exact: true }).inputValue()).toBe(
      card.company,
    );
    // The seller corrects a field before saving.
    await dialog.getByLabel(t('common.jobTitle'), { exact: true }).fill('Direttrice Commerciale');
    const consent = dialog.getByLabel(t('lead.consent'), { exact: true });
    expect(await consent.isChecked()).toBe(false);
    await consent.check();
    await app.screenshot('business-card-confirm');
    await dialog.getByRole('button', { name: t('card.save') }).click();
    await app.page
      .getByRole('heading', { level: 1, name: `${card.firstName} ${card.lastName}` })
      .waitFor();
    await app.page.getByRole('img', { name: t('card.image') }).waitFor();
    await app.screenshot('business-card-lead');
    expect(outside).toEqual([]);

    await app.waitForSynced();
    const lead = (await pullAll(e2e.stack, 'leads')).find((d) => d.email === card.email);
    expect(lead).toMatchObject({
      jobTitle: 'Direttrice Commerciale',
      phone: card.phone,
      mobile: card.mobile,
      consent: { given: true },
    });
    const note = (await pullAll(e2e.stack, 'activities')).find(
      (a) => a.regardingId === lead?.id && a.type === 'note',
    );
    const image = String((note?.data as { cardImage?: string } | undefined)?.cardImage ?? '');
    expect(image).toMatch(/^data:image\/jpeg;base64,/);
    expect(image.length).toBeLessThan(150_000);
  }, 240_000);

  it('takes the photo with the camera and goes on to the fields to check', async () => {
    // Chromium's fake camera (a moving test pattern) stands in for the laptop's camera.
    const camera = await launchChromium([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
    ]);
    e2e.track(camera);
    const { app, t } = await e2e.signIn('en', {
      browser: camera,
      viewport: { width: 1366, height: 1000 },
      synced: false,
    });
    await app.go('leads');
    await app.page.getByRole('button', { name: t('card.read') }).click();
    const dialog = app.page.getByRole('dialog', { name: t('card.title') });
    await dialog.getByRole('button', { name: t('card.useCamera') }).click();
    const take = dialog.getByRole('button', { name: t('card.takePhoto') });
    await expect.poll(() => take.isEnabled(), { timeout: 30_000 }).toBe(true);
    await app.screenshot('business-card-camera');
    await take.click();
    // A test pattern has no card on it: the seller types what the reader could not find.
    await dialog.getByRole('img', { name: t('card.image') }).waitFor({ timeout: 90_000 });
    await dialog.getByLabel(t('common.lastName'), { exact: true }).fill('Camera');
    await dialog.getByRole('button', { name: t('card.save') }).click();
    await app.page.getByRole('heading', { level: 1, name: /Camera/ }).waitFor();
  }, 180_000);
});
