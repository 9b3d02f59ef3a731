// What each role finds in the sidebar. The server stays the judge of every read and write:
// this only keeps screens a role cannot use out of its way. Screens of other roles (the
// administration screens) plug in by adding their entries here, with the roles that see them.
import type { Role } from '../../shared/domain/context';
import type { Section } from './router';

export type NavEntry = { section: Section; roles: readonly Role[] };

const everyone: readonly Role[] = ['seller', 'manager', 'admin'];
const office: readonly Role[] = ['manager', 'admin'];

export const navEntries: readonly NavEntry[] = [
  { section: 'dashboard', roles: office },
  { section: 'leads', roles: everyone },
  { section: 'accounts', roles: everyone },
  { section: 'contacts', roles: everyone },
  { section: 'opportunities', roles: everyone },
  { section: 'pipeline', roles: everyone },
  { section: 'quotes', roles: everyone },
  { section: 'orders', roles: everyone },
  { section: 'invoices', roles: everyone },
  { section: 'sync', roles: everyone },
  { section: 'settings', roles: everyone },
  { section: 'admin', roles: ['admin'] },
];

/** The sidebar of a role, in order. */
export const navFor = (role: Role): Section[] =>
  navEntries.filter((e) => e.roles.includes(role)).map((e) => e.section);

/** Whether a role may open a section (sections no entry names are open to everyone). */
export const mayOpen = (role: Role, section: Section): boolean =>
  navEntries.find((e) => e.section === section)?.roles.includes(role) ?? true;
