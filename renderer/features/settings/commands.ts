import { useOptionalServices } from '../../app/services';
import type { DevicePort } from '../../app/store-port';

/** This device's label and series, and renaming it; null before sign-in. */
export const useDevice = (): DevicePort | null => useOptionalServices()?.device ?? null;
