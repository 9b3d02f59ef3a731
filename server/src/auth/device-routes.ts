// PUT /api/devices/current: the seller renames the device they are signed in on. The name
// is only a label; the device stays the same installation with the same numbering series.
import type { FastifyInstance } from 'fastify';
import { syncEndpoints as api } from '../../../shared/sync/api-endpoints';
import type { DeviceInfo } from '../../../shared/sync/protocol';
import { apiRoute } from '../api-route';
import { ApiFailure } from '../errors';
import type { Storage } from '../storage/types';
import { requirePrincipal } from './routes';

export const registerDeviceRoutes = (app: FastifyInstance, storage: Storage): void => {
  apiRoute(app, api.renameDevice, async (request) => {
    const principal = await requirePrincipal(storage, request);
    const name = request.body.name.trim();
    if (name === '')
      throw new ApiFailure(400, 'bad_request', {
        en: 'The device name cannot be empty.',
        it: 'Il nome del dispositivo non può essere vuoto.',
      });
    const device = await storage.findDeviceById(principal.deviceId);
    if (!device)
      throw new ApiFailure(404, 'not_found', {
        en: 'This device is not registered.',
        it: 'Questo dispositivo non è registrato.',
      });
    await storage.renameDevice(device.id, name);
    const renamed: DeviceInfo = { id: device.id, name, series: device.series };
    return renamed;
  });
};
