// A tiny hash router: #/section or #/section/id. Works from file:// (Electron) and http.
import { useSyncExternalStore } from 'react';
import type { RegardingType } from '../../shared/domain/records';
import type { Platform, RecordLink } from '../../shared/platform';

export const sections = [
  'dashboard',
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
  'admin',
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

/** The screen that shows each kind of record a deep link (`fairlead://quote/<id>`) names. */
const sectionOfRecord: Record<RegardingType, Section> = {
  lead: 'leads',
  account: 'accounts',
  contact: 'contacts',
  opportunity: 'opportunities',
  quote: 'quotes',
  order: 'orders',
  invoice: 'invoices',
};

export const recordLinkHref = (link: RecordLink): string =>
  routeHref(sectionOfRecord[link.record], link.id);

/** Opens the record of every deep link the shell delivers; returns the unsubscribe. */
export const followDeepLinks = (
  platform: Pick<Platform, 'onOpenRecord'>,
  open: (href: string) => void = (href) => {
    window.location.hash = href;
  },
): (() => void) => platform.onOpenRecord?.((link) => open(recordLinkHref(link))) ?? (() => {});
