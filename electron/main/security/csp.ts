// The Content Security Policy of the renderer: only the app's own scripts and styles, no
// eval (WebAssembly compilation only), no inline scripts, no plugins, no framing; fetch only to the sync server.

export type CspInput = {
  /**
   * Where the renderer may connect besides its own origin: the sync server's exact origin
   * (security/sync-server.ts). None by default: no http(s) host is allowed by scheme alone.
   */
  readonly connectSources?: readonly string[];
  /** The development server (unpackaged runs only): its scripts, HMR socket and inline preamble. */
  readonly devServerOrigin?: string;
};

export const buildCsp = (input: CspInput = {}): string => {
  const connect = (input.connectSources ?? []).filter((source) => source !== '');
  const dev = input.devServerOrigin;
  const devWs = dev === undefined ? [] : [dev.replace(/^http/, 'ws')];
  const directives: ReadonlyArray<readonly [string, readonly string[]]> = [
    ['default-src', ["'none'"]],
    // WebAssembly (business-card OCR, badge decoding) compiles only with 'wasm-unsafe-eval',
    // which allows compiling wasm and nothing else: JavaScript eval stays blocked.
    // Development only: Vite's React refresh injects an inline module script.
    [
      'script-src',
      ["'self'", "'wasm-unsafe-eval'", ...(dev === undefined ? [] : [dev, "'unsafe-inline'"])],
    ],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'", ...connect, ...(dev === undefined ? [] : [dev, ...devWs])]],
    // The badge scanner shows the camera stream in a <video>.
    ['media-src', ["'self'", 'blob:', 'mediastream:']],
    ['worker-src', ["'self'", 'blob:']],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['child-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
};
