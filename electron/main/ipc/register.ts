// Wires every channel of the contract to ipcMain.handle with the same guard: the sender must
// be the app's own top-level frame, and the payload (unknown) must parse with the channel's
// schema. Handlers never throw across IPC: failures come back as { ok: false, error }.
import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { ipcChannels } from '../../../shared/ipc/channels';
import type { IpcChannelKey, IpcResult, IpcSignatures } from '../../../shared/ipc/channels';
import {
  forbiddenSender,
  invalidRequest,
  ipcFail,
  requestSchemas,
} from '../../../shared/ipc/contract';
import { isTrustedSender } from '../security/ipc-sender';
import type { IpcHandler, IpcHandlers } from './handlers';

const internalError = (): IpcResult<never> =>
  ipcFail(
    'internal',
    'Something went wrong in Fairlead. Try again; if it keeps happening, restart the app.',
    'Si è verificato un problema in Fairlead. Riprova; se continua, riavvia l’app.',
  );

export const dispatchIpc = async <K extends IpcChannelKey>(
  key: K,
  handlers: IpcHandlers,
  trustedOrigins: readonly string[],
  event: IpcMainInvokeEvent,
  payload: unknown,
): Promise<IpcResult<IpcSignatures[K]['response']>> => {
  if (!isTrustedSender(event, trustedOrigins)) return forbiddenSender();
  const parsed = requestSchemas[key].safeParse(payload);
  if (!parsed.success) return invalidRequest();
  // The schema map is typed per channel (see contract.ts), so this narrowing is sound.
  const request = parsed.data as IpcSignatures[K]['request'];
  const handler = handlers[key] as IpcHandler<K>;
  try {
    return await handler(request, { sender: event.sender });
  } catch {
    return internalError();
  }
};

export const registerIpcHandlers = (
  handlers: IpcHandlers,
  trustedOrigins: readonly string[],
): (() => void) => {
  const keys = Object.keys(ipcChannels) as IpcChannelKey[];
  for (const key of keys) {
    ipcMain.handle(ipcChannels[key], (event, payload: unknown) =>
      dispatchIpc(key, handlers, trustedOrigins, event, payload),
    );
  }
  return () => {
    for (const key of keys) ipcMain.removeHandler(ipcChannels[key]);
  };
};
