// Permission policy: everything is denied except the camera (video without audio), asked by
// the app's own main frame, for the badge scanner.
import type { Session } from 'electron';
import { isTrustedOrigin } from './navigation';

export type PermissionQuery = {
  readonly permission: string;
  readonly requestingUrl: string;
  /** Only for 'media' requests: which devices the page asks for. */
  readonly mediaTypes?: readonly string[];
  readonly isMainFrame: boolean;
};

export const isPermissionAllowed = (
  query: PermissionQuery,
  trustedOrigins: readonly string[],
): boolean => {
  if (query.permission !== 'media') return false;
  if (!query.isMainFrame) return false;
  if (!isTrustedOrigin(query.requestingUrl, trustedOrigins)) return false;
  const types = query.mediaTypes ?? [];
  return types.length > 0 && types.every((type) => type === 'video');
};

/** Checks (navigator.permissions.query, enumerateDevices) see the same narrow policy. */
export const isPermissionCheckAllowed = (
  permission: string,
  requestingOrigin: string,
  mediaType: string | undefined,
  trustedOrigins: readonly string[],
): boolean =>
  permission === 'media' &&
  mediaType === 'video' &&
  isTrustedOrigin(requestingOrigin, trustedOrigins);

export const applyPermissionPolicy = (
  session: Session,
  trustedOrigins: readonly string[],
): void => {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(
      isPermissionAllowed(
        {
          permission,
          requestingUrl: details.requestingUrl,
          mediaTypes,
          isMainFrame: details.isMainFrame,
        },
        trustedOrigins,
      ),
    );
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionCheckAllowed(permission, requestingOrigin, details.mediaType, trustedOrigins),
  );
  // USB, HID, serial and Bluetooth devices: never.
  session.setDevicePermissionHandler(() => false);
};
