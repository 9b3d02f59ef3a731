import { describe, expect, it, vi } from 'vitest';
import type { HandlerDetails, WebContents } from 'electron';
import {
  decideNavigation,
  decideNewWindow,
  hardenWebContents,
  isTrustedOrigin,
} from './navigation';

// external-links.ts imports electron's shell; the real package cannot load in Node.
vi.mock('electron', () => ({ shell: { openExternal: vi.fn() } }));

const trusted = ['app://fairlead'];

describe('navigation policy', () => {
  it('allows only the app origin', () => {
    expect(decideNavigation('app://fairlead/index.html#/leads', trusted)).toBe('allow');
    expect(decideNavigation('app://evil/index.html', trusted)).toBe('block');
    expect(decideNavigation('file:///etc/passwd', trusted)).toBe('block');
    expect(decideNavigation('javascript:alert(1)', trusted)).toBe('block');
    expect(decideNavigation('https://example.com/', trusted)).toBe('open-external');
    expect(decideNavigation('garbage', trusted)).toBe('block');
  });

  it('treats opaque origins as untrusted', () => {
    expect(isTrustedOrigin('data:text/html,hi', ['null'])).toBe(false);
    expect(isTrustedOrigin('about:blank', trusted)).toBe(false);
  });

  it('never opens new windows', () => {
    expect(decideNewWindow('https://example.com/')).toBe('open-external');
    expect(decideNewWindow('app://fairlead/index.html')).toBe('block');
    expect(decideNewWindow('file:///C:/Windows/calc.exe')).toBe('block');
  });
});

type Listener = (event: { preventDefault: () => void }, url: string) => void;

const fakeContents = () => {
  const listeners = new Map<string, Listener>();
  let windowOpenHandler: ((details: HandlerDetails) => { action: string }) | undefined;
  const contents = {
    on: (name: string, listener: Listener) => {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler: (handler: (details: HandlerDetails) => { action: string }) => {
      windowOpenHandler = handler;
    },
  };
  const fire = (name: string, url: string): boolean => {
    const preventDefault = vi.fn();
    listeners.get(name)?.({ preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  };
  const open = (url: string) => windowOpenHandler?.({ url } as HandlerDetails);
  return { contents: contents as unknown as WebContents, fire, open };
};

describe('hardenWebContents', () => {
  it('blocks navigation and redirects away from the app, offering http(s) to the browser', () => {
    const { contents, fire } = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(contents, trusted, openExternal);
    expect(fire('will-navigate', 'app://fairlead/index.html')).toBe(false);
    expect(fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(fire('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-attach-webview', 'app://fairlead/')).toBe(true);
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://example.com/');
  });

  it('denies every new window', () => {
    const { contents, open } = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(contents, trusted, openExternal);
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(open('app://fairlead/index.html')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com/']]);
  });
});
