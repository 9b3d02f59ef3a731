// POST /api/auth/login and /api/auth/logout.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { syncEndpoints as api } from '../../../shared/sync/api-endpoints';
import type { LoginResponse } from '../../../shared/sync/protocol';
import { apiRoute } from '../api-route';
import { ApiFailure } from '../errors';
import type { Storage } from '../storage/types';
import {
  clearSessionCookies,
  credentialsOf,
  setSessionCookies,
  wantsCookieSession,
} from './cookie-session';
import { registerDevice } from './devices';
import { decoyHash, verifyPassword } from './passwords';
import type { LoginThrottle } from './rate-limit';
import type { Principal } from './tokens';
import { authenticate, newToken, tokenHash } from './tokens';

export type AuthDeps = {
  storage: Storage;
  /** Failed sign-ins per account and per client address, shared by every process. */
  throttle: LoginThrottle;
  tokenTtlSeconds: number;
};

const badCredentials = (): ApiFailure =>
  new ApiFailure(401, 'unauthorized', {
    en: 'The email or password is not correct, or the account is disabled.',
    it: "L'email o la password non sono corrette, oppure l'account è disattivato.",
  });

/** The signed-in principal of a request, or a 401. */
export const requirePrincipal = async (
  storage: Storage,
  request: FastifyRequest,
): Promise<Principal> => {
  const principal = await authenticate(storage, credentialsOf(request));
  if (!principal)
    throw new ApiFailure(401, 'unauthorized', {
      en: 'Please sign in again: the session is missing or has expired.',
      it: 'Accedi di nuovo: la sessione manca o è scaduta.',
    });
  return principal;
};

export const registerAuthRoutes = (app: FastifyInstance, deps: AuthDeps): void => {
  const { storage, throttle } = deps;

  apiRoute(app, api.login, async (request, reply) => {
    const { email, password, deviceName, installationId, knownDeviceId } = request.body;
    // request.ip is the proxy's forwarded client address only under TRUST_PROXY.
    const wait = await throttle.retryAfter(email, request.ip);
    if (wait > 0) {
      void reply.header('retry-after', String(Math.ceil(wait / 1000)));
      throw new ApiFailure(429, 'rate_limited', {
        en: 'Too many failed sign-in attempts. Please wait and try again.',
        it: 'Troppi tentativi di accesso non riusciti. Attendi e riprova.',
      });
    }
    const user = await storage.findUserByEmail(email.trim());
    // Hash even for unknown users, so the answer time does not tell which emails exist.
    const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !valid || user.disabled) {
      await throttle.failed(email, request.ip);
      request.log.info({ email: email.slice(0, 254) }, 'login failed');
      throw badCredentials();
    }
    await throttle.succeeded(email);
    const device = await registerDevice(storage, {
      userId: user.id,
      name: deviceName.trim() || 'device',
      ...(installationId === undefined ? {} : { installationId }),
      ...(knownDeviceId === undefined ? {} : { knownDeviceId }),
    });
    const token = newToken();
    const expiresAt = new Date(Date.now() + deps.tokenTtlSeconds * 1000).toISOString();
    await storage.createSession({
      tokenHash: tokenHash(token),
      userId: user.id,
      deviceId: device.id,
      expiresAt,
      revoked: false,
    });
    request.log.info({ userId: user.id, deviceId: device.id }, 'login');
    // The browser build keeps the token in an HttpOnly cookie: the page never sees it.
    const cookie = wantsCookieSession(request);
    if (cookie) setSessionCookies(request, reply, token, deps.tokenTtlSeconds);
    const response: LoginResponse = {
      token: cookie ? '' : token,
      expiresAt,
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        teamId: user.teamId,
      },
      device: {
        id: device.id,
        name: device.name,
        series: device.series,
        lastNumbers: await storage.highWater(device.series),
      },
    };
    return response;
  });

  apiRoute(app, api.logout, async (request, reply) => {
    const principal = await requirePrincipal(storage, request);
    await storage.revokeSession(principal.tokenHash);
    clearSessionCookies(request, reply);
    return { ok: true as const };
  });

  apiRoute(app, api.me, async (request) => {
    const { user } = await requirePrincipal(storage, request);
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      teamId: user.teamId,
    };
  });
};
