// Devices per user with their sync health, and revocation: a revoked device's sessions end,
// its series is retired (the row stays, so no other device ever gets it) and every call it
// makes answers 401 device_revoked, on which the device wipes what it holds.
import type { AdminDevice } from '../../../shared/office/admin-api';
import { OfficeError } from '../office';
import type { Device, Storage } from '../storage/types';
import type { AdminActor } from './audit';
import { recordAudit } from './audit';

export const listAdminDevices = async (storage: Storage): Promise<AdminDevice[]> => {
  const [devices, users, revoked, health] = await Promise.all([
    storage.listDevices(),
    storage.listUsers(),
    storage.office.revokedDevices(),
    storage.office.deviceHealth(),
  ]);
  const emails = new Map(users.map((u) => [u.id, u.email]));
  const healthOf = new Map(health.map((h) => [h.deviceId, h]));
  return devices.map((d) => {
    const h = healthOf.get(d.id);
    return {
      id: d.id,
      userId: d.userId,
      userEmail: emails.get(d.userId) ?? '',
      name: d.name,
      series: d.series,
      createdAt: d.createdAt,
      revokedAt: revoked.get(d.id) ?? null,
      lastSyncAt: h?.lastSyncAt ?? null,
      appVersion: h?.appVersion ?? null,
      refusedWaiting: h?.refusedWaiting ?? null,
      serverRefused: h?.serverRefused ?? 0,
      lastRefusedAt: h?.lastRefusedAt ?? null,
    };
  });
};

/** The device named by its id or its numbering series (what a seller reads off the screen). */
export const findDevice = async (storage: Storage, idOrSeries: string): Promise<Device> => {
  const wanted = idOrSeries.trim();
  const byId = await storage.findDeviceById(wanted);
  const device =
    byId ?? (await storage.listDevices()).find((d) => d.series === wanted.toUpperCase());
  if (!device)
    throw new OfficeError(
      `There is no device with the id or series ${wanted}.`,
      `Non esiste un dispositivo con id o serie ${wanted}.`,
    );
  return device;
};

export const adminRevokeDevice = async (
  storage: Storage,
  actor: AdminActor,
  idOrSeries: string,
): Promise<AdminDevice> => {
  const device = await findDevice(storage, idOrSeries);
  if (await storage.office.deviceRevokedAt(device.id))
    throw new OfficeError(
      `The device ${device.name} (${device.series}) is already revoked.`,
      `Il dispositivo ${device.name} (${device.series}) è già revocato.`,
    );
  const owner = await storage.findUserById(device.userId);
  const at = new Date().toISOString();
  await storage.office.revokeDevice(device.id, at);
  const facts = { name: device.name, series: device.series, user: owner?.email ?? '' };
  await recordAudit(
    storage,
    actor,
    'device.revoke',
    `${device.name} (${device.series})`,
    { ...facts, revokedAt: null },
    { ...facts, revokedAt: at },
  );
  const listed = (await listAdminDevices(storage)).find((d) => d.id === device.id);
  return listed as AdminDevice;
};
