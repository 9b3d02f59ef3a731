// The OCR pipeline of business cards in Node, for tests and the bench: the same tesseract.js
// core and the same Italian and English language data the app ships, then field extraction.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createWorker } from 'tesseract.js';
import type { CardFields } from '../../shared/capture/card-fields';
import { extractCardFields } from '../../shared/capture/card-fields';
import type { CardTruth } from './business-cards';

const require = createRequire(import.meta.url);

// tesseract.js reads every language from one folder: the packages' files side by side.
const languageFolder = (codes: readonly string[]): string => {
  const dir = mkdtempSync(join(tmpdir(), 'fairlead-ocr-'));
  for (const code of codes) {
    const pkg = dirname(require.resolve(`@tesseract.js-data/${code}/package.json`));
    const file = `${code}.traineddata.gz`;
    copyFileSync(join(pkg, '4.0.0_best_int', file), join(dir, file));
  }
  return dir;
};

export type CardReading = { text: string; fields: CardFields; ms: number };

export const startCardReader = async () => {
  // LSTM engine (oem 1), local data only: nothing is downloaded, nothing cached on disk.
  const langPath = languageFolder(['ita', 'eng']);
  const worker = await createWorker(['ita', 'eng'], 1, {
    langPath,
    cacheMethod: 'none',
    gzip: true,
  });
  return {
    async read(image: Buffer): Promise<CardReading> {
      const started = performance.now();
      const { data } = await worker.recognize(image);
      return {
        text: data.text,
        fields: extractCardFields(data.text),
        ms: performance.now() - started,
      };
    },
    stop: async () => {
      await worker.terminate();
      rmSync(langPath, { recursive: true, force: true });
    },
  };
};

export const cardFieldNames = [
  'firstName',
  'lastName',
  'company',
  'jobTitle',
  'email',
  'phone',
  'mobile',
  'website',
] as const;

/** Which fields came back exactly as printed (phones compared by their digits). */
export const matchedFields = (truth: CardTruth, fields: CardFields) =>
  Object.fromEntries(
    cardFieldNames.map((name) => {
      const want = truth[name];
      const got = fields[name];
      const same =
        name === 'phone' || name === 'mobile'
          ? want.replace(/\D/g, '') === got.replace(/\D/g, '')
          : want.toLowerCase() === got.toLowerCase();
      return [name, same];
    }),
  ) as Record<(typeof cardFieldNames)[number], boolean>;
