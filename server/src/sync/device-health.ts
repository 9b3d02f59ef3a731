// Sync health (the office's devices screen): each pull or push records when the device last
// synced, the app version it sends and its count of refused changes waiting on it; a push
// with refused rows adds them to the server's own count. Nothing a device sends is trusted
// beyond a short plain version label and a bounded count.
import type { IncomingHttpHeaders } from 'node:http';
import { APP_VERSION_HEADER, REFUSED_WAITING_HEADER } from '../../../shared/sync/protocol';
import type { Storage } from '../storage/types';

// One write per device and this interval at most while nothing it reports changes: a sync
// round pulls every collection, and the screen needs minutes, not milliseconds.
const QUIET_MS = 15_000;

const versionOf = (value: string | string[] | undefined): string | null =>
  typeof value === 'string' && /^[0-9A-Za-z][0-9A-Za-z.+_-]{0,39}$/.test(value) ? value : null;

const countOf = (value: string | string[] | undefined): number | null =>
  typeof value === 'string' && /^[0-9]{1,6}$/.test(value) ? Number(value) : null;

type Seen = { at: number; version: string | null; refused: number | null };
const lastSeen = new WeakMap<Storage, Map<string, Seen>>();

/** Records a sync call of `deviceId`; never fails the call it rides on. */
export const recordSyncCall = (
  storage: Storage,
  deviceId: string,
  headers: IncomingHttpHeaders,
  now = Date.now(),
): Promise<void> => {
  const version = versionOf(headers[APP_VERSION_HEADER]);
  const refused = countOf(headers[REFUSED_WAITING_HEADER]);
  const seen = lastSeen.get(storage) ?? new Map<string, Seen>();
  lastSeen.set(storage, seen);
  const before = seen.get(deviceId);
  if (
    before &&
    now - before.at < QUIET_MS &&
    before.version === version &&
    before.refused === refused
  )
    return Promise.resolve();
  seen.set(deviceId, { at: now, version, refused });
  return storage.office
    .recordSync({
      deviceId,
      lastSyncAt: new Date(now).toISOString(),
      appVersion: version,
      refusedWaiting: refused,
    })
    .catch(() => {
      seen.delete(deviceId);
    });
};

export const recordServerRefusals = (
  storage: Storage,
  deviceId: string,
  count: number,
): Promise<void> =>
  count === 0
    ? Promise.resolve()
    : storage.office
        .recordServerRefusals(deviceId, count, new Date().toISOString())
        .catch(() => undefined);
