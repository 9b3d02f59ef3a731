// electron-vite: main (ESM), preload (CommonJS, for the sandbox) and the renderer.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { ocrAssets } from './scripts/ocr-assets';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Bundle everything: a sandboxed preload can only require('electron') and a few builtins.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), ocrAssets()],
    define: {
      __FAIRLEAD_VERSION__: JSON.stringify(version),
      // FAIRLEAD_STORE_ENCRYPTION=off builds a device store without encryption at rest.
      __FAIRLEAD_STORE_ENCRYPTION__: JSON.stringify(process.env.FAIRLEAD_STORE_ENCRYPTION ?? 'on'),
    },
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
