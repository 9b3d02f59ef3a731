// The app:// scheme serves the built renderer (out/renderer) instead of file://, so the
// page has a real origin (app://fairlead) and cannot read arbitrary files. This module maps
// a request URL to a file under the root and refuses anything that could escape it.
import path from 'node:path';

export const appScheme = 'app';
export const appHost = 'fairlead';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

export type AppPathResolution =
  | { readonly ok: true; readonly filePath: string }
  | { readonly ok: false; readonly status: 400 | 403 | 404 };

const decodePath = (pathname: string): string | null => {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
};

export const resolveAppPath = (requestUrl: string, root: string): AppPathResolution => {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return { ok: false, status: 403 };
  if (url.username !== '' || url.password !== '') return { ok: false, status: 403 };
  // Check the raw text too: a '..' the URL parser already collapsed is still an attack.
  const raw = requestUrl.slice(appOrigin.length).split(/[?#]/, 1)[0] ?? '';
  const decoded = decodePath(url.pathname);
  const rawDecoded = decodePath(raw);
  if (decoded === null || rawDecoded === null) return { ok: false, status: 400 };
  for (const candidate of [decoded, rawDecoded]) {
    if (candidate.includes('\0') || candidate.includes('\\')) return { ok: false, status: 403 };
    const segments = candidate.split('/');
    // ':' would let a segment name a Windows drive or an alternate data stream.
    if (segments.some((s) => s === '..' || s === '.' || s.includes(':'))) {
      return { ok: false, status: 403 };
    }
  }
  const relative = decoded.replace(/^\/+/, '');
  // No extension: a client-side route of the single-page app, served by index.html.
  const target = relative === '' || path.posix.extname(relative) === '' ? 'index.html' : relative;
  const base = path.resolve(root);
  const filePath = path.resolve(base, ...target.split('/'));
  if (!filePath.startsWith(base + path.sep)) return { ok: false, status: 403 };
  return { ok: true, filePath };
};

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export const contentTypeOf = (filePath: string): string =>
  contentTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';

export const appResponseHeaders = (filePath: string, csp: string): Record<string, string> => ({
  'Content-Type': contentTypeOf(filePath),
  'Content-Security-Policy': csp,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
});
