// Serves the browser build (out/web) and forwards /api and /health to the sync server, so
// the app and the server share one origin (no CORS) — used by `npm start` and the e2e tests.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { buildCsp } from '../electron/main/security/csp';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export type WebServer = { url: string; close: () => Promise<void> };

// The browser build's policy: the desktop app's, with connections only to this same origin
// (the API is forwarded here), and never framed by another site.
export const webSecurityHeaders = {
  'content-security-policy': buildCsp({ connectSources: [] }),
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(self), microphone=(), geolocation=()',
} as const;

const forward = (target: URL, req: IncomingMessage, res: ServerResponse): void => {
  const upstream = request(
    {
      hostname: target.hostname,
      port: target.port,
      path: req.url,
      method: req.method,
      headers: { ...req.headers, host: target.host },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: 'internal', message: 'The sync server cannot be reached.' }));
  });
  req.pipe(upstream);
};

const serveFile = (root: string, req: IncomingMessage, res: ServerResponse): void => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  let file = normalize(join(root, path));
  // Never serve outside the build folder; unknown paths get the app (hash routing).
  if (!file.startsWith(root + sep) || !existsSync(file) || statSync(file).isDirectory()) {
    file = join(root, 'index.html');
  }
  res.writeHead(200, {
    ...webSecurityHeaders,
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
  });
  createReadStream(file).pipe(res);
};

/** Starts the web server; `apiUrl` is the sync server's base URL. */
export const startWebServer = (options: {
  root: string;
  apiUrl: string;
  port?: number;
  host?: string;
}): Promise<WebServer> => {
  const root = resolve(options.root);
  const target = new URL(options.apiUrl);
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/api/') || url === '/health') forward(target, req, res);
    else serveFile(root, req, res);
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolveServer({
        url: `http://${options.host ?? '127.0.0.1'}:${port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
};
