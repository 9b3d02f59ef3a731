// The browser build's session (DESIGN.md §5): the token lives in an HttpOnly, SameSite=Strict
// cookie that page scripts cannot read, so a script injected into the page cannot carry it
// away. Cookies are sent by the browser on its own, so every state-changing request must also
// carry the CSRF token in a header: a double-submit token derived from the session token,
// readable by the page (cookie `fairlead_csrf`) and checked here.
// `Secure` is set when the request came over https (directly, or through a proxy the server
// trusts with TRUST_PROXY): on http://127.0.0.1 the cookies go without it, as browsers
// refuse Secure cookies on plain http.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiFailure } from '../errors';

export const sessionCookie = 'fairlead_session';
export const csrfCookie = 'fairlead_csrf';
export const csrfHeader = 'x-fairlead-csrf';
/** Sent with the sign-in by the browser build to ask for a cookie session. */
export const sessionModeHeader = 'x-fairlead-session';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export const csrfTokenFor = (token: string): string =>
  createHash('sha256').update(`csrf:${token}`).digest('base64url');

export const wantsCookieSession = (request: FastifyRequest): boolean =>
  request.headers[sessionModeHeader] === 'cookie';

const cookiesOf = (request: FastifyRequest): Map<string, string> => {
  const jar = new Map<string, string>();
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) jar.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return jar;
};

const attributes = (request: FastifyRequest, maxAgeSeconds: number): string =>
  `; Max-Age=${maxAgeSeconds}; SameSite=Strict${request.protocol === 'https' ? '; Secure' : ''}`;

export const setSessionCookies = (
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  maxAgeSeconds: number,
): void => {
  void reply.header('set-cookie', [
    `${sessionCookie}=${token}; Path=/api; HttpOnly${attributes(request, maxAgeSeconds)}`,
    // The page reads this one to echo it in the CSRF header: not HttpOnly, on every path.
    `${csrfCookie}=${csrfTokenFor(token)}; Path=/${attributes(request, maxAgeSeconds)}`,
  ]);
};

export const clearSessionCookies = (request: FastifyRequest, reply: FastifyReply): void => {
  void reply.header('set-cookie', [
    `${sessionCookie}=; Path=/api; HttpOnly${attributes(request, 0)}`,
    `${csrfCookie}=; Path=/${attributes(request, 0)}`,
  ]);
};

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The request's credentials as an Authorization header value: the bearer header of the
 * desktop app, or the session cookie of the browser build once its CSRF token checks out.
 */
export const credentialsOf = (request: FastifyRequest): string | undefined => {
  if (request.headers.authorization !== undefined) return request.headers.authorization;
  const token = cookiesOf(request).get(sessionCookie);
  if (token === undefined || token === '') return undefined;
  if (!safeMethods.has(request.method)) {
    const sent = request.headers[csrfHeader];
    if (typeof sent !== 'string' || !sameText(sent, csrfTokenFor(token)))
      throw new ApiFailure(403, 'forbidden', {
        en: 'This request was refused: it did not come from the Fairlead page (missing or wrong security token). Reload the page and try again.',
        it: 'Richiesta rifiutata: non proviene dalla pagina di Fairlead (token di sicurezza mancante o errato). Ricarica la pagina e riprova.',
      });
  }
  return `Bearer ${token}`;
};
