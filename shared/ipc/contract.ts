// The runtime half of the IPC contract: one zod schema per request channel. The main process
// parses every payload with these (input is `unknown`); the preload never imports this file.
import { z } from 'zod';
import type { LocalizedText } from '../domain/errors';
import { installationIdPattern } from '../sync/protocol';
import type { IpcChannelKey, IpcError, IpcErrorCode, IpcResult, IpcSignatures } from './channels';

/** Secret names: short, lowercase identifiers (e.g. `session.token`), never paths. */
export const secretKeySchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/);

// A file name only: no directory parts, no control characters, no Windows-reserved signs.
// eslint-disable-next-line no-control-regex
const fileNamePattern = /^[^/\\:*?"<>|\u0000-\u001f]{1,120}$/;
export const suggestedNameSchema = z
  .string()
  .regex(fileNamePattern)
  .refine((name) => name.trim() === name && !/^\.+$/.test(name), 'not a file name');

export const maxSecretLength = 16 * 1024;
export const maxSaveBytes = 50 * 1024 * 1024;
export const maxUrlLength = 2048;

const noPayload = z.union([z.null(), z.undefined()]).transform(() => null);

export const requestSchemas = {
  setSecret: z.object({ key: secretKeySchema, value: z.string().max(maxSecretLength) }).strict(),
  getSecret: z.object({ key: secretKeySchema }).strict(),
  deleteSecret: z.object({ key: secretKeySchema }).strict(),
  secretStorageStatus: noPayload,
  saveFile: z
    .object({
      suggestedName: suggestedNameSchema,
      kind: z.enum(['pdf', 'csv', 'xml']),
      content: z.union([
        z.string().max(maxSaveBytes),
        z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= maxSaveBytes, 'too large'),
      ]),
    })
    .strict(),
  savePageAsPdf: z.object({ suggestedName: suggestedNameSchema }).strict(),
  openCsv: noPayload,
  print: noPayload,
  appVersion: noPayload,
  updateStatus: noPayload,
  openExternal: z.object({ url: z.string().max(maxUrlLength) }).strict(),
  setLanguage: z.object({ language: z.enum(['en', 'it']) }).strict(),
  keepInstallationId: z.object({ proposed: z.string().regex(installationIdPattern) }).strict(),
  trustSyncServer: z.object({ url: z.string().min(1).max(maxUrlLength) }).strict(),
} as const satisfies {
  [K in IpcChannelKey]: z.ZodType<IpcSignatures[K]['request'], unknown>;
};

export const ipcOk = <T>(value: T): IpcResult<T> => ({ ok: true, value });

export const ipcFail = (code: IpcErrorCode, en: string, it: string): IpcResult<never> => ({
  ok: false,
  error: { code, message: { en, it } satisfies LocalizedText } satisfies IpcError,
});

export const invalidRequest = (): IpcResult<never> =>
  ipcFail('invalid-request', 'The request was not valid.', 'La richiesta non è valida.');

export const forbiddenSender = (): IpcResult<never> =>
  ipcFail(
    'forbidden-sender',
    'This request did not come from the Fairlead window.',
    'Questa richiesta non proviene dalla finestra di Fairlead.',
  );
