// Navigation policy: the window only ever shows the app's own pages. Any other navigation or
// new window is blocked; a blocked http(s) link is offered to the system browser instead.
import type { HandlerDetails, WebContents } from 'electron';
import { checkExternalUrl } from './external-links';

export type NavigationDecision = 'allow' | 'open-external' | 'block';

/** The origin as Chromium computes it, or null when opaque. */
export const originOf = (raw: string): string | null => {
  try {
    const url = new URL(raw);
    if (url.origin !== 'null') return url.origin;
    // Node's URL gives custom schemes an opaque origin; Chromium gives a registered standard
    // scheme (app://) scheme://host. Host-less URLs (file:, data:, about:) stay untrusted.
    return url.host === '' ? null : `${url.protocol}//${url.host}`;
  } catch {
    return null;
  }
};

export const isTrustedOrigin = (raw: string, trustedOrigins: readonly string[]): boolean => {
  const origin = originOf(raw);
  return origin !== null && trustedOrigins.includes(origin);
};

export const decideNavigation = (
  targetUrl: string,
  trustedOrigins: readonly string[],
): NavigationDecision => {
  if (isTrustedOrigin(targetUrl, trustedOrigins)) return 'allow';
  return checkExternalUrl(targetUrl).ok ? 'open-external' : 'block';
};

/** New windows are never created: a safe link goes to the system browser, the rest nowhere. */
export const decideNewWindow = (targetUrl: string): 'open-external' | 'block' =>
  checkExternalUrl(targetUrl).ok ? 'open-external' : 'block';

export type OpenExternal = (url: string) => void;

type NavigationEvent = { preventDefault: () => void };

/** Applies the policy to one webContents (every window, and anything created later). */
export const hardenWebContents = (
  contents: WebContents,
  trustedOrigins: readonly string[],
  openExternal: OpenExternal,
): void => {
  const guard = (event: NavigationEvent, url: string): void => {
    const decision = decideNavigation(url, trustedOrigins);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-external') openExternal(url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details: HandlerDetails) => {
    if (decideNewWindow(details.url) === 'open-external') openExternal(details.url);
    return { action: 'deny' };
  });
};
