// Devices and their numbering series (DESIGN.md §3): each device gets a short unique code
// at its first login; the same user signing in again with the same device name keeps it.
import { randomInt } from 'node:crypto';
import { newId } from '../ids';
import type { Device, Storage } from '../storage/types';

// No 0/O/1/I, so a code read aloud or from paper is unambiguous.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const randomSeries = (length: number): string =>
  Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

export const registerDevice = async (
  storage: Storage,
  userId: string,
  name: string,
): Promise<Device> => {
  const existing = await storage.findDevice(userId, name);
  if (existing) return existing;
  for (let attempt = 0; attempt < 50; attempt++) {
    // Longer codes once short ones start colliding.
    const device: Device = {
      id: newId(),
      userId,
      name,
      series: randomSeries(attempt < 20 ? 4 : 6),
      createdAt: new Date().toISOString(),
    };
    if (await storage.createDevice(device)) return device;
    const raced = await storage.findDevice(userId, name);
    if (raced) return raced;
  }
  throw new Error('could not allocate a numbering series');
};
