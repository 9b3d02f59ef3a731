import { describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import {
  applyPermissionPolicy,
  isPermissionAllowed,
  isPermissionCheckAllowed,
} from './permissions';

// external-links.ts imports electron's shell; the real package cannot load in Node.
vi.mock('electron', () => ({ shell: { openExternal: vi.fn() } }));

const trusted = ['app://fairlead'];
const camera = {
  permission: 'media',
  requestingUrl: 'app://fairlead/index.html',
  mediaTypes: ['video'],
  isMainFrame: true,
};

describe('permission policy', () => {
  it('allows the camera to the app’s main frame', () => {
    expect(isPermissionAllowed(camera, trusted)).toBe(true);
  });

  it('denies the microphone, and camera with microphone', () => {
    expect(isPermissionAllowed({ ...camera, mediaTypes: ['audio'] }, trusted)).toBe(false);
    expect(isPermissionAllowed({ ...camera, mediaTypes: ['video', 'audio'] }, trusted)).toBe(false);
    expect(isPermissionAllowed({ ...camera, mediaTypes: [] }, trusted)).toBe(false);
    const { mediaTypes: _omit, ...noTypes } = camera;
    expect(isPermissionAllowed(noTypes, trusted)).toBe(false);
  });

  it('denies other origins and subframes', () => {
    expect(
      isPermissionAllowed({ ...camera, requestingUrl: 'https://evil.example/' }, trusted),
    ).toBe(false);
    expect(isPermissionAllowed({ ...camera, requestingUrl: 'file:///x.html' }, trusted)).toBe(
      false,
    );
    expect(isPermissionAllowed({ ...camera, isMainFrame: false }, trusted)).toBe(false);
  });

  it.each([
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'fullscreen',
    'openExternal',
    'pointerLock',
    'midi',
    'midiSysex',
    'hid',
    'serial',
    'usb',
    'idle-detection',
    'unknown',
  ])('denies %s', (permission) => {
    expect(isPermissionAllowed({ ...camera, permission }, trusted)).toBe(false);
  });

  it('answers permission checks with the same policy', () => {
    expect(isPermissionCheckAllowed('media', 'app://fairlead', 'video', trusted)).toBe(true);
    expect(isPermissionCheckAllowed('media', 'app://fairlead', 'audio', trusted)).toBe(false);
    expect(isPermissionCheckAllowed('media', 'https://evil.example', 'video', trusted)).toBe(false);
    expect(isPermissionCheckAllowed('geolocation', 'app://fairlead', undefined, trusted)).toBe(
      false,
    );
  });
});

describe('applyPermissionPolicy', () => {
  it('installs request, check and device handlers on the session', () => {
    type RequestHandler = (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: Record<string, unknown>,
    ) => void;
    let onRequest: RequestHandler | undefined;
    let onCheck: ((...args: unknown[]) => boolean) | undefined;
    let onDevice: (() => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (handler: RequestHandler) => (onRequest = handler),
      setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => (onCheck = handler),
      setDevicePermissionHandler: (handler: () => boolean) => (onDevice = handler),
    } as unknown as Session;
    applyPermissionPolicy(session, trusted);

    const granted = vi.fn();
    const details = { requestingUrl: 'app://fairlead/index.html', isMainFrame: true };
    onRequest?.({}, 'media', granted, { ...details, mediaTypes: ['video'] });
    onRequest?.({}, 'media', granted, { ...details, mediaTypes: ['audio'] });
    onRequest?.({}, 'geolocation', granted, details);
    expect(granted.mock.calls).toEqual([[true], [false], [false]]);
    expect(onCheck?.({}, 'media', 'app://fairlead', { mediaType: 'video' })).toBe(true);
    expect(onCheck?.({}, 'notifications', 'app://fairlead', {})).toBe(false);
    expect(onDevice?.()).toBe(false);
  });
});
