// Business-card OCR (DESIGN.md §7 "OCR time per card"): cards with known fields drawn by
// Chromium in several fonts and layouts, Italian and English, read by the same tesseract.js
// pipeline and language data as the app; per-field accuracy and time per card.
import type { Browser } from 'playwright-core';
import { cardTruth, renderCards } from '../../test/support/business-cards';
import { cardFieldNames, matchedFields, startCardReader } from '../../test/support/card-ocr';
import type { Recorder } from '../lib/figures';
import { summarize } from '../lib/stats';

export const runOcrSuite = async (
  browser: Browser,
  recorder: Recorder,
  options: { cards: number },
): Promise<void> => {
  const truths = Array.from({ length: options.cards }, (_, i) => cardTruth(i));
  const images = await renderCards(browser, truths);
  const started = performance.now();
  const reader = await startCardReader();
  const startupMs = performance.now() - started;
  const times: number[] = [];
  const hits = Object.fromEntries(cardFieldNames.map((f) => [f, 0])) as Record<string, number>;
  let perfect = 0;
  try {
    for (const [i, truth] of truths.entries()) {
      const reading = await reader.read(images[i] as Buffer);
      times.push(reading.ms);
      const matched = matchedFields(truth, reading.fields);
      for (const f of cardFieldNames) if (matched[f]) hits[f] = (hits[f] ?? 0) + 1;
      if (Object.values(matched).every(Boolean)) perfect++;
    }
  } finally {
    await reader.stop();
  }
  const n = truths.length;
  const time = summarize(times);
  recorder.record({
    name: 'capture.ocr_per_card',
    what: `time to OCR one business card (1050×600 px, Italian + English data, LSTM) and extract its fields, ${n} cards`,
    value: time.p50,
    unit: 'ms',
    size: n,
    p50: time.p50,
    p95: time.p95,
    p99: time.p99,
    extra: { startupMs: Math.round(startupMs) },
  });
  const accuracy = Object.fromEntries(
    cardFieldNames.map((f) => [f, Math.round(((hits[f] ?? 0) / n) * 1000) / 10]),
  );
  recorder.record({
    name: 'capture.ocr_field_accuracy',
    what: `share of fields read exactly as printed over ${n} cards (per field in extra, %); value: cards with every field right`,
    value: Math.round((perfect / n) * 1000) / 10,
    unit: '%',
    size: n,
    extra: accuracy,
  });
};
