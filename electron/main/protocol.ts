// Registers and serves the app:// scheme over the built renderer folder.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { appResponseHeaders, appScheme, resolveAppPath } from './security/app-protocol';

/** Must run before app 'ready': gives app:// a real, secure origin for fetch and storage. */
export const registerAppScheme = (): void => {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: appScheme,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
    },
  ]);
};

const plain = (status: number, text: string): Response =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export const serveAppRequest = async (
  request: Request,
  root: string,
  csp: string,
): Promise<Response> => {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return plain(405, 'Method not allowed');
  const resolved = resolveAppPath(request.url, root);
  if (!resolved.ok) return plain(resolved.status, 'Not allowed');
  try {
    const body = await readFile(resolved.filePath);
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: appResponseHeaders(resolved.filePath, csp),
    });
  } catch {
    return plain(404, 'Not found');
  }
};

/** Call once the app is ready. */
export const serveAppProtocol = (root: string, csp: () => string): void => {
  // The policy is read per request: it follows the sync server the seller trusts.
  protocol.handle(appScheme, (request) => serveAppRequest(request, root, csp()));
};
