// A tiny hash router: #/section or #/section/id. Works from file:// (Electron) and http.
import { useSyncExternalStore } from 'react';

export const sections = [
  'leads',
  'accounts',
  'contacts',
  'opportunities',
  'pipeline',
  'quotes',
  'orders',
  'invoices',
  'settings',
  'sync',
] as const;
export type Section = (typeof sections)[number];

export type Route = { section: Section; id: string | null };

export const parseRoute = (hash: string): Route => {
  const [, section = '', id = null] = hash.replace(/^#/, '').split('/');
  const known = (sections as readonly string[]).includes(section);
  return { section: known ? (section as Section) : 'leads', id: known && id ? id : null };
};

export const routeHref = (section: Section, id?: string | null): string =>
  id ? `#/${section}/${id}` : `#/${section}`;

export const navigate = (section: Section, id?: string | null): void => {
  window.location.hash = routeHref(section, id);
};

const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export const useRoute = (): Route => {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
};
