import { describe, expect, it, vi } from 'vitest';
import { confirmLeavingWith, leaveAppDialog } from './leave-app';

describe('leaving the app for a link', () => {
  it('shows the address and defaults to staying, in the UI language', () => {
    const it_ = leaveAppDialog('https://example.com/x', 'it');
    expect(it_.detail).toBe('https://example.com/x');
    expect(it_.buttons).toEqual(['Apri nel browser', 'Annulla']);
    expect(it_.defaultId).toBe(1);
    expect(it_.cancelId).toBe(1);
    expect(leaveAppDialog('https://example.com/x', 'en').message).toMatch(/web browser/);
  });

  it('agrees only when the user chose to open', async () => {
    const show = vi.fn(async () => ({ response: 0 }));
    const confirm = confirmLeavingWith(
      show,
      () => null,
      () => 'en',
    );
    expect(await confirm('https://example.com/')).toBe(true);
    show.mockResolvedValueOnce({ response: 1 });
    expect(await confirm('https://example.com/')).toBe(false);
    expect(show).toHaveBeenCalledTimes(2);
  });
});
