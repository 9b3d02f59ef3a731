import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, menuLabels, menuLocale } from './menu';

const actions = () => ({ print: vi.fn(), savePdf: vi.fn(), checkForUpdates: vi.fn() });

const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);

describe('application menu', () => {
  it('picks Italian for Italian locales and English otherwise', () => {
    expect(menuLocale('it')).toBe('it');
    expect(menuLocale('it-CH')).toBe('it');
    expect(menuLocale('en-US')).toBe('en');
    expect(menuLocale('de')).toBe('en');
  });

  it('has the same items in both languages, every label translated', () => {
    const en = buildMenuTemplate({
      locale: 'en',
      platform: 'win32',
      development: false,
      actions: actions(),
    });
    const it_ = buildMenuTemplate({
      locale: 'it',
      platform: 'win32',
      development: false,
      actions: actions(),
    });
    expect(en.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(it_.map((item) => item.label)).toEqual([
      'File',
      'Modifica',
      'Visualizza',
      'Finestra',
      'Aiuto',
    ]);
    const enItems = flatten(en);
    const itItems = flatten(it_);
    expect(itItems.length).toBe(enItems.length);
    for (const item of itItems) if (item.type !== 'separator') expect(item.label).toBeTruthy();
    expect(Object.keys(menuLabels('it'))).toEqual(Object.keys(menuLabels('en')));
  });

  it('runs the print, save and update actions', () => {
    const calls = actions();
    const items = flatten(
      buildMenuTemplate({ locale: 'it', platform: 'linux', development: false, actions: calls }),
    );
    const click = (label: string) =>
      (items.find((item) => item.label === label)?.click as (() => void) | undefined)?.();
    click('Stampa…');
    click('Salva come PDF…');
    click('Verifica aggiornamenti');
    expect(calls.print).toHaveBeenCalledTimes(1);
    expect(calls.savePdf).toHaveBeenCalledTimes(1);
    expect(calls.checkForUpdates).toHaveBeenCalledTimes(1);
  });

  it('offers developer tools only in development', () => {
    const roles = (development: boolean) =>
      flatten(
        buildMenuTemplate({ locale: 'en', platform: 'linux', development, actions: actions() }),
      ).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('adds the application menu on macOS', () => {
    const mac = buildMenuTemplate({
      locale: 'en',
      platform: 'darwin',
      development: false,
      actions: actions(),
    });
    expect(mac[0]?.label).toBe('Fairlead');
  });
});
