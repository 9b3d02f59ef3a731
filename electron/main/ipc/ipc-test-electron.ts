// A stand-in for the parts of the electron module the IPC code uses, for vi.mock('electron').
// The real package cannot load in Node: it points at a binary that is not installed here.
import { vi } from 'vitest';

type InvokeHandler = (event: unknown, payload: unknown) => Promise<unknown>;

// A reversible, recognisable "encryption" so tests can tell ciphertext from plaintext.
const xor = (bytes: Buffer): Buffer => Buffer.from(bytes.map((byte) => byte ^ 0x5a));

export const createElectronStub = () => {
  const handlers = new Map<string, InvokeHandler>();
  const safeStorage = {
    isAsyncEncryptionAvailable: vi.fn(async () => true),
    getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
    encryptStringAsync: vi.fn(async (plain: string) => xor(Buffer.from(`v10${plain}`, 'utf8'))),
    decryptStringAsync: vi.fn(async (cipher: Buffer) => ({
      shouldReEncrypt: false,
      result: xor(cipher).toString('utf8').slice(3),
    })),
  };
  const dialog = {
    showSaveDialog: vi.fn(async (): Promise<{ canceled: boolean; filePath?: string }> => ({
      canceled: true,
    })),
    showOpenDialog: vi.fn(async (): Promise<{ canceled: boolean; filePaths: string[] }> => ({
      canceled: true,
      filePaths: [],
    })),
  };
  const module = {
    ipcMain: {
      handle: (channel: string, handler: InvokeHandler) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, handler);
      },
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    safeStorage,
    dialog,
    BrowserWindow: { fromWebContents: () => null },
  };
  return { handlers, safeStorage, dialog, module };
};
