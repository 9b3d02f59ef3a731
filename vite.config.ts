// The browser build of the renderer (the same UI the Electron shell loads), served by
// `npm start` and tested in Chromium. No RxDB dev-mode: it is loaded only by tests.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { ocrAssets } from './scripts/ocr-assets';

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), ocrAssets()],
  // FAIRLEAD_STORE_ENCRYPTION=off builds a device store without encryption at rest (the
  // control of the profile-scan test); on by default.
  define: {
    __FAIRLEAD_STORE_ENCRYPTION__: JSON.stringify(process.env.FAIRLEAD_STORE_ENCRYPTION ?? 'on'),
  },
  resolve: {
    alias: {
      'rxdb/plugins/dev-mode': fileURLToPath(
        new URL('./renderer/app/no-dev-mode.ts', import.meta.url),
      ),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('./out/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173 },
});
