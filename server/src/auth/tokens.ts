// Opaque bearer tokens: random bytes for the device, only their SHA-256 kept on the server,
// so a leaked database does not leak usable tokens.
import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../../shared/domain/context';
import { ApiFailure } from '../errors';
import type { Storage, User } from '../storage/types';

export const newToken = (): string => randomBytes(32).toString('base64url');
export const tokenHash = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

/** 401 `device_revoked`: the office revoked this device; the device wipes what it holds. */
export const deviceRevoked = (): ApiFailure =>
  new ApiFailure(401, 'device_revoked', {
    en: 'The office has revoked this device: it can no longer sync, and its data is removed from it. Ask the office if this is a mistake.',
    it: 'La sede ha revocato questo dispositivo: non può più sincronizzarsi e i suoi dati vengono rimossi. Chiedi alla sede se si tratta di un errore.',
  });

export type Principal = { user: User; actor: Actor; deviceId: string; tokenHash: string };

/**
 * The principal of a bearer header, or null when missing, unknown, expired, revoked or disabled;
 * throws device_revoked for a session of a revoked device.
 */
export const authenticate = async (
  storage: Storage,
  header: string | undefined,
  now = new Date(),
): Promise<Principal | null> => {
  const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header ?? '');
  if (!match?.[1]) return null;
  const hash = tokenHash(match[1]);
  // Read on every request, never cached: a revocation or a disabled account, by any process
  // on this database, is refused from the next request on.
  const found = await storage.findSessionUser(hash);
  if (!found) return null;
  const { session, user } = found;
  // Revoking a device revokes its sessions, so only a revoked session needs the device's word.
  if (session.revoked && (await storage.office.deviceRevokedAt(session.deviceId)) !== null)
    throw deviceRevoked();
  if (session.revoked || Date.parse(session.expiresAt) <= now.getTime()) return null;
  if (!user || user.disabled) return null;
  return {
    user,
    actor: { userId: user.id, role: user.role, teamId: user.teamId },
    deviceId: session.deviceId,
    tokenHash: hash,
  };
};
