// Ships the business-card OCR with the app: the tesseract.js worker, its WebAssembly core
// (plain, SIMD and relaxed-SIMD builds of the LSTM engine) and the Italian and English
// language data, copied from their npm packages into `ocr/` of the renderer build and served
// from there in development. Nothing is fetched from a CDN at run time.
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** Files of `ocr/` in the build, by name, with where each comes from. */
export const ocrFiles = (): Record<string, string> => {
  const core = packageDir('tesseract.js-core');
  const files: Record<string, string> = {
    'worker.min.js': join(packageDir('tesseract.js'), 'dist/worker.min.js'),
  };
  for (const variant of ['lstm', 'simd-lstm', 'relaxedsimd-lstm'])
    files[`tesseract-core-${variant}.wasm.js`] = join(core, `tesseract-core-${variant}.wasm.js`);
  for (const code of ['eng', 'ita'])
    files[`${code}.traineddata.gz`] = join(
      packageDir(`@tesseract.js-data/${code}`),
      '4.0.0_best_int',
      `${code}.traineddata.gz`,
    );
  return files;
};

export const ocrAssets = (): Plugin => ({
  name: 'fairlead-ocr-assets',
  configureServer(server) {
    const files = ocrFiles();
    server.middlewares.use((request, response, next) => {
      const name = /\/ocr\/([^/?]+)$/.exec(request.url?.split('?')[0] ?? '')?.[1];
      const path = name === undefined ? undefined : files[name];
      if (path === undefined) return next();
      response.setHeader(
        'content-type',
        name?.endsWith('.js') ? 'text/javascript' : 'application/octet-stream',
      );
      createReadStream(path).pipe(response);
    });
  },
  generateBundle() {
    for (const [name, path] of Object.entries(ocrFiles()))
      this.emitFile({ type: 'asset', fileName: `ocr/${name}`, source: readFileSync(path) });
  },
});
