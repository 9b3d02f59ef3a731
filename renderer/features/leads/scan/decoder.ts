// Badge codes read from camera frames with ZXing (WebAssembly). The .wasm file is the copy
// Vite bundles with the app and serves from its own origin: never a CDN.
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { ReaderOptions } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

let prepared = false;

const prepare = () => {
  if (prepared) return;
  prepared = true;
  prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) =>
        path.endsWith('.wasm') ? wasmUrl : prefix + path,
    },
  });
};

// What fair badges carry: QR and Data Matrix, PDF417 (US events), and common 1D codes.
const options: ReaderOptions = {
  formats: ['QRCode', 'DataMatrix', 'PDF417', 'Code128', 'Code39', 'EAN13', 'ITF'],
  tryHarder: true,
  maxNumberOfSymbols: 1,
};

/** The text of the first code in a frame, or null. */
export const decodeBadgeFrame = async (frame: ImageData): Promise<string | null> => {
  prepare();
  const [first] = await readBarcodes(frame, options);
  return first !== undefined && first.isValid ? first.text : null;
};
