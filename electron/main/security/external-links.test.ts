import { describe, expect, it } from 'vitest';
import { checkExternalUrl, isSafeExternalUrl } from './external-links';

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
