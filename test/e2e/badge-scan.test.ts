// Badge scanning at the stand, offline, with Chromium's fake camera playing a video the test
// makes from generated QR badges: the seller creates today's fair with a qualifying question,
// three badges become three leads tagged with the fair and carrying the answer after sync,
// and a badge shown a second time is recognised instead of filling the form again.
import { mkdtempSync, openSync, readFileSync, writeSync, closeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { prepareZXingModule, writeBarcode } from 'zxing-wasm/writer';
import { pullAll } from './support/stack';
import { describeE2e, useE2e } from './support/fixture';

const WIDTH = 320;
const HEIGHT = 240;
const FPS = 10;

// The writer's WebAssembly from the package itself (no CDN in tests either).
const require = createRequire(import.meta.url);
prepareZXingModule({
  overrides: {
    wasmBinary: readFileSync(require.resolve('zxing-wasm/writer/zxing_writer.wasm'))
      .buffer as ArrayBuffer,
  },
});

/** The Y plane of a frame: a white page with the QR symbol in its middle (or blank). */
const badgeFrame = async (payload: string | null): Promise<Uint8Array> => {
  const y = new Uint8Array(WIDTH * HEIGHT).fill(235);
  if (payload === null) return y;
  const { symbol, error } = await writeBarcode(payload, { format: 'QRCode', scale: 1 });
  if (error) throw new Error(error);
  const scale = Math.floor((HEIGHT - 40) / symbol.height);
  const left = Math.floor((WIDTH - symbol.width * scale) / 2);
  const top = Math.floor((HEIGHT - symbol.height * scale) / 2);
  for (let r = 0; r < symbol.height * scale; r++) {
    for (let c = 0; c < symbol.width * scale; c++) {
      const module = symbol.data[Math.floor(r / scale) * symbol.width + Math.floor(c / scale)];
      y[(top + r) * WIDTH + left + c] = module === 0 ? 16 : 235;
    }
  }
  return y;
};

/** A Y4M (YUV 4:2:0) video: each segment shows one badge (or nothing) for `frames` frames. */
const writeBadgeVideo = async (
  path: string,
  segments: readonly { payload: string | null; frames: number }[],
) => {
  const fd = openSync(path, 'w');
  writeSync(fd, `YUV4MPEG2 W${WIDTH} H${HEIGHT} F${FPS}:1 Ip A1:1 C420jpeg\n`);
  const chroma = new Uint8Array((WIDTH / 2) * (HEIGHT / 2) * 2).fill(128);
  for (const segment of segments) {
    const y = await badgeFrame(segment.payload);
    for (let i = 0; i < segment.frames; i++) {
      writeSync(fd, 'FRAME\n');
      writeSync(fd, y);
      writeSync(fd, chroma);
    }
  }
  closeSync(fd);
};

describeE2e('badge scanning with the camera', () => {
  const run = Date.now().toString(36);
  const badges = [
    `BEGIN:VCARD\r\nVERSION:3.0\r\nN:Scanned${run};Anna\r\nORG:Brenta Visitors\r\nEMAIL:anna.${run}@example.com\r\nTEL;TYPE=work:+39 049 111\r\nEND:VCARD`,
    `MECARD:N:Scanned${run},Bruno;ORG:Bruno Meccanica;EMAIL:bruno.${run}@example.com;;`,
    `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Carla Scanned${run}\r\nN:Scanned${run};Carla;;;\r\nEMAIL:carla.${run}@example.com\r\nEND:VCARD`,
  ];

  // A fake camera that plays the badges: Anna, Bruno, Anna again (the same badge), Carla;
  // the camera loops the file.
  const fakeCamera = async (): Promise<string[]> => {
    const video = join(mkdtempSync(join(tmpdir(), 'fairlead-camera-')), 'badges.y4m');
    const gap = { payload: null, frames: FPS * 5 };
    const show = (payload: string) => ({ payload, frames: FPS * 2 });
    await writeBadgeVideo(video, [
      gap,
      show(badges[0]!),
      gap,
      show(badges[1]!),
      gap,
      show(badges[0]!),
      gap,
      show(badges[2]!),
      gap,
    ]);
    return [
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
      '--autoplay-policy=no-user-gesture-required',
    ];
  };
  const e2e = useE2e({ chromiumArgs: fakeCamera });

  it('scans three badges offline into leads of the fair and recognises a repeat', async () => {
    const { app, t } = await e2e.signIn('en');
    const { page } = app;
    const fair = `Fiera Milano ${run}`;
    const question = 'Interested in cranes?';
    await app.go('settings');
    await page.getByRole('button', { name: t('fair.new') }).click();
    const fairForm = page.getByRole('form', { name: t('fair.new') });
    await fairForm.getByRole('textbox', { name: t('fair.name'), exact: true }).fill(fair);
    await fairForm.getByRole('textbox', { name: t('fair.booth'), exact: true }).fill('B12');
    await fairForm.getByRole('button', { name: t('fair.addQuestion') }).click();
    await fairForm
      .getByRole('textbox', { name: t('fair.questionLabel', { n: 1 }), exact: true })
      .fill(question);
    await fairForm.getByRole('button', { name: t('fair.save') }).click();
    // A fair made for today becomes the current one.
    const current = page.getByRole('combobox', { name: t('settings.fairName') });
    await expect
      .poll(async () => (await current.locator('option:checked').textContent()) ?? '')
      .toContain(fair);
    await app.screenshot('fair-settings');
    await app.waitForSynced();
    // The app fetches its decoder while online (and the scan then works offline).
    await expect
      .poll(() =>
        page.evaluate(() =>
          performance.getEntriesByType('resource').some((e) => e.name.endsWith('.wasm')),
        ),
      )
      .toBe(true);

    await app.goOffline();
    await app.go('leads');
    await page.getByRole('button', { name: t('lead.capture') }).click();
    const form = page.getByRole('form', { name: t('lead.captureTitle') });
    await page.getByRole('button', { name: t('scan.start') }).click();
    const lastName = form.getByLabel(t('common.lastName'), { exact: true });
    const saveScanned = async (firstName: string) => {
      const first = form.getByLabel(t('common.firstName'), { exact: true });
      await expect
        .poll(() => first.inputValue(), { timeout: 60_000, interval: 200 })
        .toBe(firstName);
      expect(await lastName.inputValue()).toBe(`Scanned${run}`);
      expect(await form.getByLabel(t('lead.sourceDetail')).inputValue()).toBe(fair);
      await form.getByRole('combobox', { name: question }).selectOption('yes');
      await form.getByLabel(t('lead.consent'), { exact: true }).check();
      await lastName.press('Enter');
      await page.getByText(t('lead.captured', { name: `${firstName} Scanned${run}` })).waitFor();
    };
    await saveScanned('Anna');
    await app.screenshot('badge-scan');
    await saveScanned('Bruno');
    await page.getByText(t('scan.already')).waitFor({ timeout: 60_000 });
    // The repeat did not fill the form again.
    expect(await lastName.inputValue()).toBe('');
    await saveScanned('Carla');

    await app.goOnline();
    const fairs = (await pullAll(e2e.stack, 'tradefairs')).filter((f) => f['name'] === fair);
    expect(fairs).toHaveLength(1);
    const questions = fairs[0]?.['questions'] as { id: string; label: string }[];
    expect(questions.map((q) => q.label)).toEqual([question]);
    const leads = (await pullAll(e2e.stack, 'leads')).filter(
      (l) => l['lastName'] === `Scanned${run}`,
    );
    expect(leads.map((l) => l['firstName']).sort()).toEqual(['Anna', 'Bruno', 'Carla']);
    for (const lead of leads) {
      expect(lead).toMatchObject({
        source: 'trade_fair',
        sourceDetail: fair,
        tradeFairId: fairs[0]?.['id'],
        fairAnswers: [{ questionId: questions[0]?.id, value: true }],
      });
      expect(lead['consent']).toMatchObject({ given: true });
    }
    expect(leads.find((l) => l['firstName'] === 'Bruno')?.['company']).toBe('Bruno Meccanica');
  }, 300_000);
});
