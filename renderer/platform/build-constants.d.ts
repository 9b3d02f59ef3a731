// Replaced at build time by Vite's `define` (electron.vite.config.ts, vite.config.ts).
declare const __FAIRLEAD_VERSION__: string | undefined;
/** 'off' in a build without encryption at rest of the device store (FAIRLEAD_STORE_ENCRYPTION). */
declare const __FAIRLEAD_STORE_ENCRYPTION__: string | undefined;
