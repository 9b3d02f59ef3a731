// Stands in for RxDB's dev-mode in the browser build (vite.config.ts): dev-mode injects a
// remote iframe and is for unit tests only (STACK.md), so the app must never load it.
const refuse = (): never => {
  throw new Error('RxDB dev-mode is not part of the app build.');
};

export const RxDBDevModePlugin = { name: 'dev-mode-disabled', rxdb: true as const, init: refuse };
export const disableWarnings = refuse;
