// Badge codes read from camera frames with ZXing (WebAssembly). The .wasm file is the copy
// Vite bundles with the app and serves from its own origin: never a CDN.
import { prepareZXingModule, purgeZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { ReaderOptions } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

const overrides = {
  locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
};

let loading: Promise<unknown> | null = null;

/** Fetches and compiles the decoder now, so scanning works at a stand with no network. */
export const preloadBadgeDecoder = (): Promise<unknown> => {
  loading ??= prepareZXingModule({ overrides, fireImmediately: true }).catch((error: unknown) => {
    // A failed load is tried again at the next frame.
    loading = null;
    purgeZXingModule();
    throw error;
  });
  return loading;
};

// Loaded as soon as the app's start-up leaves the main thread idle, while the device is most
// likely still online: a seller who loses the network a moment after opening the app can
// still scan (a fixed two-second wait missed a quick sign-in followed by going offline).
if (typeof window !== 'undefined') {
  const preload = () => void preloadBadgeDecoder().catch(() => undefined);
  if (typeof window.requestIdleCallback === 'function') {
    window.requestIdleCallback(preload, { timeout: 1000 });
  } else {
    setTimeout(preload, 200);
  }
}

// What fair badges carry: QR and Data Matrix, PDF417 (US events), and common 1D codes.
const options: ReaderOptions = {
  formats: ['QRCode', 'DataMatrix', 'PDF417', 'Code128', 'Code39', 'EAN13', 'ITF'],
  tryHarder: true,
  maxNumberOfSymbols: 1,
};

/** The text of the first code in a frame, or null; rejects when the decoder cannot load. */
export const decodeBadgeFrame = async (frame: ImageData): Promise<string | null> => {
  await preloadBadgeDecoder();
  const [first] = await readBarcodes(frame, options);
  return first !== undefined && first.isValid ? first.text : null;
};
