// POST /api/auth/refresh: a signed-in device trades its token for a fresh one with a new
// expiry, without the password, so no hash is computed: a sales force renewing its
// sessions costs the server a lookup and an insert each.
import type { FastifyInstance } from 'fastify';
import { syncEndpoints as api } from '../../../shared/sync/api-endpoints';
import type { RefreshResponse } from '../../../shared/sync/protocol';
import { apiRoute } from '../api-route';
import type { Storage } from '../storage/types';
import { requirePrincipal } from './routes';
import { newToken, tokenHash } from './tokens';

export const registerRefreshRoute = (
  app: FastifyInstance,
  deps: { storage: Storage; tokenTtlSeconds: number },
): void => {
  apiRoute(app, api.refresh, async (request) => {
    const principal = await requirePrincipal(deps.storage, request);
    const token = newToken();
    const expiresAt = new Date(Date.now() + deps.tokenTtlSeconds * 1000).toISOString();
    await deps.storage.createSession({
      tokenHash: tokenHash(token),
      userId: principal.user.id,
      deviceId: principal.deviceId,
      expiresAt,
      revoked: false,
    });
    // The old token keeps its own expiry: revoking it here would sign out a device whose
    // answer was lost on the way, or whose request was still in flight with it.
    request.log.info({ userId: principal.user.id, deviceId: principal.deviceId }, 'refresh');
    const response: RefreshResponse = { token, expiresAt };
    return response;
  });
};
