import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { AppUpdaterLike } from './updater';
import { feedUrlOf, trackUpdates, updateUnsupportedReason } from './updater';

const packaged = { isPackaged: true, platform: 'win32' as const, appImage: undefined };

const fakeUpdater = () => {
  const emitter = new EventEmitter();
  const updater = Object.assign(emitter, {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    checkForUpdates: vi.fn(async () => null),
  });
  return updater as typeof updater & AppUpdaterLike;
};

describe('updateUnsupportedReason', () => {
  it('supports packaged Windows, macOS and AppImage builds', () => {
    expect(updateUnsupportedReason(packaged)).toBeNull();
    expect(updateUnsupportedReason({ ...packaged, platform: 'darwin' })).toBeNull();
    expect(
      updateUnsupportedReason({ ...packaged, platform: 'linux', appImage: '/x/Fairlead.AppImage' }),
    ).toBeNull();
  });

  it('explains why development runs and .deb installs do not update themselves', () => {
    expect(updateUnsupportedReason({ ...packaged, isPackaged: false })).toMatch(/packaged/);
    expect(updateUnsupportedReason({ ...packaged, platform: 'linux' })).toMatch(/package manager/);
  });
});

describe('the update address', () => {
  it('must use https in a packaged build', () => {
    expect(
      updateUnsupportedReason({ ...packaged, feedUrl: 'https://sync.office.example/updates/' }),
    ).toBeNull();
    expect(
      updateUnsupportedReason({ ...packaged, feedUrl: 'http://sync.office.example/updates/' }),
    ).toMatch(/https/);
  });

  it('is read from the app-update.yml electron-builder writes', () => {
    const yml =
      'provider: generic\nurl: https://sync.office.example/updates/\nupdaterCacheDirName: fairlead-updater\n';
    expect(feedUrlOf(yml)).toBe('https://sync.office.example/updates/');
    expect(feedUrlOf("provider: generic\nurl: 'http://x.example/u'\n")).toBe('http://x.example/u');
    expect(feedUrlOf('provider: github\n')).toBeUndefined();
  });

  it('keeps a refused http address from ever checking', async () => {
    const updater = fakeUpdater();
    const tracker = trackUpdates(updater, { ...packaged, feedUrl: 'http://x.example/u' });
    await tracker.check();
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(tracker.status().state).toBe('unsupported');
  });
});

describe('trackUpdates', () => {
  it('follows the updater through check, download and ready', async () => {
    const updater = fakeUpdater();
    const tracker = trackUpdates(updater, packaged);
    expect(updater.autoDownload).toBe(true);
    expect(tracker.status()).toEqual({ state: 'idle' });
    await tracker.check();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    updater.emit('checking-for-update');
    expect(tracker.status()).toEqual({ state: 'checking' });
    updater.emit('update-available', { version: '0.2.0' });
    expect(tracker.status()).toEqual({ state: 'available', version: '0.2.0' });
    updater.emit('download-progress', { percent: 140 });
    expect(tracker.status()).toEqual({ state: 'downloading', percent: 100 });
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(tracker.status()).toEqual({ state: 'ready', version: '0.2.0' });
    // A later failed check does not hide the update waiting for a restart.
    updater.emit('checking-for-update');
    updater.emit('error', new Error('offline'));
    expect(tracker.status()).toEqual({ state: 'ready', version: '0.2.0' });
  });

  it('reports errors in plain words and survives a rejected check', async () => {
    const updater = fakeUpdater();
    updater.checkForUpdates.mockRejectedValueOnce(new Error('net::ERR_INTERNET_DISCONNECTED'));
    const tracker = trackUpdates(updater, packaged);
    await expect(tracker.check()).resolves.toBeUndefined();
    updater.emit('error', new Error('net::ERR_INTERNET_DISCONNECTED'));
    expect(tracker.status()).toEqual({ state: 'error', message: 'net::ERR_INTERNET_DISCONNECTED' });
    updater.emit('update-not-available');
    expect(tracker.status()).toEqual({ state: 'idle' });
  });

  it('never touches the updater where updates are unsupported', async () => {
    const updater = fakeUpdater();
    const tracker = trackUpdates(updater, { ...packaged, isPackaged: false });
    await tracker.check();
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(tracker.status()).toMatchObject({ state: 'unsupported' });
  });
});
