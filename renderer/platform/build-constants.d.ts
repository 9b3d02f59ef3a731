// Replaced at build time by Vite's `define` (electron.vite.config.ts, vite.config.ts).
declare const __FAIRLEAD_VERSION__: string | undefined;
