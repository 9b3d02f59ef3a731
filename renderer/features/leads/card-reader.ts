// Reads a business-card photo on the device: tesseract.js in its own Web Worker (the UI stays
// responsive) with the WebAssembly core and Italian + English data the app ships in `ocr/`.
import type { Worker } from 'tesseract.js';
import type { CardFields } from '../../../shared/capture/card-fields';
import { extractCardFields } from '../../../shared/capture/card-fields';

let reader: Promise<Worker> | null = null;

const ocrBase = (): string => new URL('ocr/', document.baseURI).href;

// One worker for the session: loading the engine and data takes a few seconds, a card ≈ 1 s.
// tesseract.js loads on first use, so it costs nothing at start-up.
const cardReader = (): Promise<Worker> => {
  reader ??= import('tesseract.js')
    .then(({ createWorker }) =>
      createWorker(['ita', 'eng'], 1, {
        workerPath: `${ocrBase()}worker.min.js`,
        corePath: ocrBase(),
        langPath: ocrBase().replace(/\/$/, ''),
        // A same-origin worker script, not a blob: the CSP allows workers from 'self'.
        workerBlobURL: false,
        cacheMethod: 'none',
        gzip: true,
      }),
    )
    .catch((error: unknown) => {
      reader = null;
      throw error;
    });
  return reader;
};

export const readBusinessCard = async (
  image: Blob,
): Promise<{ text: string; fields: CardFields }> => {
  const worker = await cardReader();
  const { data } = await worker.recognize(image);
  return { text: data.text, fields: extractCardFields(data.text) };
};

/** The card as a small JPEG data URL (≤ 800 px wide), to keep with the lead on the device. */
export const compressCardImage = async (image: Blob): Promise<string> => {
  const bitmap = await createImageBitmap(image);
  const scale = Math.min(1, 800 / bitmap.width);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvas.toDataURL('image/jpeg', 0.6);
};
