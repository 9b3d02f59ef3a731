// Only the app's own top-level page may call the main process: a frame from another origin
// (an iframe, a page reached by a bug in navigation policy) gets nothing.
import type { IpcMainInvokeEvent } from 'electron';
import { isTrustedOrigin } from './navigation';

export type SenderCheckEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

export const isTrustedSender = (
  event: SenderCheckEvent,
  trustedOrigins: readonly string[],
): boolean => {
  const frame = event.senderFrame;
  // null once the frame navigated away or was destroyed.
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null) return false;
  return isTrustedOrigin(frame.url, trustedOrigins);
};
