// Devices and their numbering series (DESIGN.md §3). A device is its installation: the random
// id it made at its first start. Signing in again on the same installation keeps its series;
// a new installation always gets a new one. The name is only a label the seller may change.
import { randomInt } from 'node:crypto';
import { newId } from '../ids';
import type { Device, Storage } from '../storage/types';

// No 0/O/1/I, so a code read aloud or from paper is unambiguous.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const randomSeries = (length: number): string =>
  Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

export type DeviceSignIn = {
  userId: string;
  name: string;
  /** Absent from devices older than installation ids. */
  installationId?: string;
  /** The device id of this installation's earlier session, if it remembers one. */
  knownDeviceId?: string;
};

/** A new device with a series no other device has. */
const createDevice = async (
  storage: Storage,
  userId: string,
  name: string,
  installationId: string | null,
  raced: () => Promise<Device | null>,
): Promise<Device> => {
  for (let attempt = 0; attempt < 50; attempt++) {
    // Longer codes once short ones start colliding.
    const device: Device = {
      id: newId(),
      userId,
      name,
      series: randomSeries(attempt < 20 ? 4 : 6),
      createdAt: new Date().toISOString(),
      installationId,
    };
    if (await storage.createDevice(device)) return device;
    const other = await raced();
    if (other) return other;
  }
  throw new Error('could not allocate a numbering series');
};

export const registerDevice = async (storage: Storage, claim: DeviceSignIn): Promise<Device> => {
  const { userId, name, installationId, knownDeviceId } = claim;
  if (installationId === undefined) {
    // A device from before installation ids: told apart by its name, as it always was.
    const legacy = await storage.findLegacyDevice(userId, name);
    if (legacy) return legacy;
    return createDevice(storage, userId, name, null, () => storage.findLegacyDevice(userId, name));
  }
  const byInstallation = () => storage.findDeviceByInstallation(userId, installationId);
  const known = await byInstallation();
  if (known) return known;
  if (knownDeviceId !== undefined) {
    // The first sign-in of an upgraded device: its registration keeps its series and from
    // now on answers to the installation id. Only the user's own legacy device qualifies.
    const earlier = await storage.findDeviceById(knownDeviceId);
    if (earlier && earlier.userId === userId && earlier.installationId === null) {
      if (await storage.adoptInstallation(earlier.id, installationId))
        return { ...earlier, installationId };
    }
  }
  return createDevice(storage, userId, name, installationId, byInstallation);
};
