// Badge decode time per camera frame: the app's ZXing WebAssembly (zxing-wasm, the reader
// the capture screen uses, with its formats) on 640×480 RGBA frames holding a vCard badge QR
// and on empty frames (most frames at a stand show no badge). Runs in Node on the same WASM.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as reader from 'zxing-wasm/reader';
import * as writer from 'zxing-wasm/writer';
import type { Recorder } from '../lib/figures';
import { summarize } from '../lib/stats';

const require = createRequire(import.meta.url);
const wasm = (name: string) => readFileSync(require.resolve(name)).buffer as ArrayBuffer;

const WIDTH = 640;
const HEIGHT = 480;
// The capture screen's formats (renderer/features/leads/scan/decoder.ts).
const formats = ['QRCode', 'DataMatrix', 'PDF417', 'Code128', 'Code39', 'EAN13', 'ITF'] as const;

type Frame = { data: Uint8ClampedArray; width: number; height: number; colorSpace: 'srgb' };

const badgeFrame = async (payload: string | null): Promise<Frame> => {
  const data = new Uint8ClampedArray(WIDTH * HEIGHT * 4).fill(230);
  if (payload !== null) {
    const { symbol, error } = await writer.writeBarcode(payload, { format: 'QRCode', scale: 1 });
    if (error) throw new Error(error);
    const scale = Math.floor(300 / symbol.height);
    const left = Math.floor((WIDTH - symbol.width * scale) / 2);
    const top = Math.floor((HEIGHT - symbol.height * scale) / 2);
    for (let r = 0; r < symbol.height * scale; r++) {
      for (let c = 0; c < symbol.width * scale; c++) {
        const v = symbol.data[Math.floor(r / scale) * symbol.width + Math.floor(c / scale)] ?? 255;
        const i = ((top + r) * WIDTH + left + c) * 4;
        data[i] = data[i + 1] = data[i + 2] = v === 0 ? 20 : 230;
      }
    }
  }
  return { data, width: WIDTH, height: HEIGHT, colorSpace: 'srgb' };
};

export const runScanSuite = async (recorder: Recorder, options: { frames: number }) => {
  writer.prepareZXingModule({
    overrides: { wasmBinary: wasm('zxing-wasm/writer/zxing_writer.wasm') },
  });
  reader.prepareZXingModule({
    overrides: { wasmBinary: wasm('zxing-wasm/reader/zxing_reader.wasm') },
  });
  // Node has no ImageData; the reader takes any object of its shape.
  const g = globalThis as { ImageData?: unknown };
  g.ImageData ??= class {
    constructor(
      readonly data: Uint8ClampedArray,
      readonly width: number,
      readonly height: number,
    ) {}
  };
  const payload =
    'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Rossi;Anna\r\nORG:Officine Brenta S.r.l.\r\nTITLE:Buyer\r\nEMAIL:anna.rossi@example.com\r\nTEL;TYPE=work:+39 049 1234567\r\nEND:VCARD';
  for (const [name, frame, what] of [
    ['device.badge_decode', await badgeFrame(payload), 'a vCard badge QR'],
    ['device.badge_decode_empty', await badgeFrame(null), 'no code (the usual frame)'],
  ] as const) {
    const samples: number[] = [];
    for (let i = 0; i <= options.frames; i++) {
      const start = performance.now();
      const results = await reader.readBarcodes(
        frame as unknown as Parameters<typeof reader.readBarcodes>[0],
        {
          formats: [...formats],
          tryHarder: true,
          maxNumberOfSymbols: 1,
        },
      );
      const ms = performance.now() - start;
      if (name === 'device.badge_decode' && results[0]?.text !== payload) {
        throw new Error('the badge frame did not decode');
      }
      // The first call compiles the module: not a frame a seller waits for.
      if (i > 0) samples.push(ms);
    }
    const stats = summarize(samples);
    recorder.record({
      name,
      what: `decode one ${WIDTH}×${HEIGHT} camera frame showing ${what} with the capture screen's zxing-wasm reader and formats (Node ${process.version}, same WebAssembly), median of ${options.frames} frames`,
      value: stats.p50,
      unit: 'ms',
      size: options.frames,
      ...stats,
    });
  }
};
