// Which links may leave the app for the system browser: http(s) only, well-formed, without
// credentials. Everything else (javascript:, file:, custom schemes, smb: …) is refused, since
// shell.openExternal hands the URL to the OS, which may run a program for it.
import { shell } from 'electron';
import { maxUrlLength } from '../../../shared/ipc/contract';

export type ExternalUrlCheck =
  { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: string };

// eslint-disable-next-line no-control-regex
const unsafeCharacters = /[\u0000-\u0020\u007f-\u009f\\]/;

export const checkExternalUrl = (raw: unknown): ExternalUrlCheck => {
  if (typeof raw !== 'string') return { ok: false, reason: 'not a string' };
  if (raw.length === 0 || raw.length > maxUrlLength) return { ok: false, reason: 'bad length' };
  // The WHATWG parser silently strips tabs/newlines and accepts backslashes: refuse them.
  if (unsafeCharacters.test(raw)) return { ok: false, reason: 'control or space characters' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: `scheme ${url.protocol} not allowed` };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'credentials in URL' };
  }
  if (url.hostname === '') return { ok: false, reason: 'no host' };
  return { ok: true, url: url.href };
};

export const isSafeExternalUrl = (raw: unknown): boolean => checkExternalUrl(raw).ok;

/** Asks the user whether to leave the app for `url`; true when they agree. */
export type ConfirmLeaving = (url: string) => Promise<boolean>;

/**
 * The only place the app hands a URL to the OS, after the user agreed to leave the app.
 * Resolves to false when the URL was refused or the user declined.
 */
export const openExternalSafely = async (
  raw: unknown,
  confirmLeaving: ConfirmLeaving,
): Promise<boolean> => {
  const checked = checkExternalUrl(raw);
  if (!checked.ok) return false;
  if (!(await confirmLeaving(checked.url))) return false;
  // The argument is the re-serialized URL that passed checkExternalUrl just above.
  await shell.openExternal(checked.url); // eng-disable OPEN_EXTERNAL_JS_CHECK
  return true;
};
