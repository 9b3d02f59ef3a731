import { describe, expect, it } from 'vitest';
import { findDeepLinkInArgv, parseDeepLink } from './deep-links';

const id = '0190f3c2-7b1a-7c3d-8e4f-0123456789ab';

describe('parseDeepLink', () => {
  it.each([
    [`fairlead://lead/${id}`, { record: 'lead', id }],
    [`fairlead://opportunity/${id}/`, { record: 'opportunity', id }],
    [`fairlead://Quote/${id.toUpperCase()}`, { record: 'quote', id }],
    [`fairlead:invoice/${id}`, { record: 'invoice', id }],
  ])('opens %s', (raw, expected) => {
    expect(parseDeepLink(raw)).toEqual(expected);
  });

  it.each([
    'fairlead://',
    'fairlead://lead',
    'fairlead://lead/',
    'fairlead://lead/not-a-uuid',
    `fairlead://product/${id}`,
    `fairlead://user/${id}`,
    `fairlead://lead/${id}/extra`,
    `fairlead://lead/${id}?delete=1`,
    `fairlead://lead/${id}#x`,
    `fairlead://u:p@lead/${id}`,
    `fairlead://lead:8080/${id}`,
    `fairlead://lead/..%2f${id}`,
    `https://lead/${id}`,
    `javascript://lead/${id}`,
    'garbage',
    '',
    `fairlead://lead/${id}${'x'.repeat(300)}`,
  ])('rejects %s', (raw) => {
    expect(parseDeepLink(raw)).toBeNull();
  });

  it('rejects values that are not strings', () => {
    expect(parseDeepLink(42)).toBeNull();
    expect(parseDeepLink(null)).toBeNull();
  });
});

describe('findDeepLinkInArgv', () => {
  it('finds the link Windows and Linux pass on the command line', () => {
    const argv = ['/opt/Fairlead/fairlead', '--no-sandbox-is-not-here', `fairlead://lead/${id}`];
    expect(findDeepLinkInArgv(argv)).toEqual({ record: 'lead', id });
  });

  it('ignores arguments that are not valid links', () => {
    expect(findDeepLinkInArgv(['fairlead', 'fairlead://lead/x', '--flag'])).toBeNull();
    expect(findDeepLinkInArgv([])).toBeNull();
  });
});
