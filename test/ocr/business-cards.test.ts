// Business cards drawn by Chromium (known fields, several fonts and layouts, Italian and
// English) read by the real OCR pipeline: tesseract.js with the shipped language data, then
// field extraction. The ≥ 30-card accuracy figures are in `npm run bench -- --only ocr`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, chromiumPath, launchChromium } from '../e2e/support/browser';
import { cardTruth, renderCards } from '../support/business-cards';
import type { CardTruth } from '../support/business-cards';
import { matchedFields, startCardReader } from '../support/card-ocr';

const canRun = chromiumAvailable();
if (!canRun) console.warn(`OCR test skipped: no Chromium at ${chromiumPath} to draw the cards`);

describe.skipIf(!canRun)('business card OCR', () => {
  // Four cards: both languages, three layouts, sans and serif fonts.
  const cards: CardTruth[] = [0, 1, 2, 3].map(cardTruth);
  let images: Buffer[] = [];
  let reader: Awaited<ReturnType<typeof startCardReader>>;

  beforeAll(async () => {
    const browser = await launchChromium();
    images = await renderCards(browser, cards);
    await browser.close();
    reader = await startCardReader();
  }, 120_000);
  afterAll(async () => {
    await reader?.stop();
  });

  it('covers both languages, several layouts and fonts', () => {
    expect(new Set(cards.map((c) => c.locale))).toEqual(new Set(['it', 'en']));
    expect(new Set(cards.map((c) => c.layout)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(cards.map((c) => c.font)).size).toBeGreaterThanOrEqual(2);
  });

  for (const [index, card] of [0, 1, 2, 3].map((i) => [i, cardTruth(i)] as const)) {
    it(`reads card ${index} (${card.locale}, ${card.layout}, ${card.font})`, async () => {
      const reading = await reader.read(images[index] as Buffer);
      const matched = matchedFields(card, reading.fields);
      // The contact details are machine-like and must come back exactly.
      expect(reading.fields.email, reading.text).toBe(card.email);
      expect(matched.phone, reading.text).toBe(true);
      expect(matched.mobile, reading.text).toBe(true);
      expect(reading.fields.website, reading.text).toBe(card.website);
      // Of the eight fields, at most one may need the seller's correction.
      expect(Object.values(matched).filter(Boolean).length, reading.text).toBeGreaterThanOrEqual(7);
    }, 30_000);
  }
});
