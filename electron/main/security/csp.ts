// The Content Security Policy of the renderer: only the app's own scripts and styles, no
// eval, no inline scripts, no plugins, no framing; fetch only to the sync server.

export type CspInput = {
  /**
   * Where the renderer may connect: the sync server. The server is set by the user at
   * sign-in, so the default allows any http(s) origin; pass exact origins to narrow it.
   */
  readonly connectSources?: readonly string[];
  /** The development server (unpackaged runs only): its scripts, HMR socket and inline preamble. */
  readonly devServerOrigin?: string;
};

const defaultConnectSources = ['https:', 'http:'] as const;

export const buildCsp = (input: CspInput = {}): string => {
  const connect = input.connectSources ?? defaultConnectSources;
  const dev = input.devServerOrigin;
  const devWs = dev === undefined ? [] : [dev.replace(/^http/, 'ws')];
  const directives: ReadonlyArray<readonly [string, readonly string[]]> = [
    ['default-src', ["'none'"]],
    // Development only: Vite's React refresh injects an inline module script.
    // 'wasm-unsafe-eval': the badge decoder compiles its bundled WebAssembly; JS eval stays off.
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
