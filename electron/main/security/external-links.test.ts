import { describe, expect, it, vi } from 'vitest';

const shell = vi.hoisted(() => ({ openExternal: vi.fn(async (_url: string) => undefined) }));
vi.mock('electron', () => ({ shell }));

const { checkExternalUrl, isSafeExternalUrl, openExternalSafely } =
  await import('./external-links');

describe('checkExternalUrl', () => {
  it.each([
    ['https://www.example.com/path?q=1#x', 'https://www.example.com/path?q=1#x'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://Example.COM/A', 'https://example.com/A'],
  ])('accepts %s', (raw, normalized) => {
    expect(checkExternalUrl(raw)).toEqual({ ok: true, url: normalized });
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'file:///etc/passwd',
    'file://server/share/x.exe',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'fairlead://lead/0190f3c2-0000-7000-8000-000000000000',
    'app://fairlead/index.html',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'mailto:someone@example.com',
    'https://user:secret@example.com/',
    'https://user@example.com/',
    'http://exa mple.com',
    ' https://example.com',
    'https://example.com/\nfile:///x',
    'java\tscript:alert(1)',
    'https:\\\\example.com',
    'not a url',
    '',
    `https://example.com/${'a'.repeat(2100)}`,
  ])('refuses %s', (raw) => {
    expect(checkExternalUrl(raw).ok).toBe(false);
  });

  it('refuses values that are not strings', () => {
    for (const value of [null, undefined, 42, {}, ['https://example.com']]) {
      expect(isSafeExternalUrl(value)).toBe(false);
    }
  });
});

describe('openExternalSafely', () => {
  const agree = vi.fn(async (_url: string) => true);

  it('hands only checked http(s) URLs to the OS, after asking', async () => {
    expect(await openExternalSafely('https://example.com/a b', agree)).toBe(false);
    expect(await openExternalSafely('javascript:alert(1)', agree)).toBe(false);
    expect(await openExternalSafely('file:///etc/passwd', agree)).toBe(false);
    expect(agree).not.toHaveBeenCalled();
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(await openExternalSafely('HTTPS://Example.com/x', agree)).toBe(true);
    expect(agree.mock.calls).toEqual([['https://example.com/x']]);
    expect(shell.openExternal.mock.calls).toEqual([['https://example.com/x']]);
  });

  it('opens nothing when the user declines to leave the app', async () => {
    shell.openExternal.mockClear();
    expect(await openExternalSafely('https://example.com/y', async () => false)).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
