// Every admin action, from a screen or the command line, leaves one audit entry: who, when,
// what, and the record before and after (never a password or its hash).
import type { AuditAction } from '../../../shared/office/admin-api';
import { newId } from '../ids';
import type { Storage, User } from '../storage/types';

/** Who acts: the signed-in admin, or the command line on the server's own machine. */
export type AdminActor = { id: string; email: string };

export const commandLineActor: AdminActor = { id: 'command-line', email: 'command line' };

// Entries of the same millisecond are listed by id: a counter within the millisecond keeps
// them in the order this process recorded them (the id's random part alone would not).
let lastAt = '';
let sameInstant = 0;
const auditId = (at: string): string => {
  sameInstant = at === lastAt ? sameInstant + 1 : 0;
  lastAt = at;
  return `${at}-${sameInstant.toString(36).padStart(4, '0')}-${newId()}`;
};

export const recordAudit = async (
  storage: Storage,
  actor: AdminActor,
  action: AuditAction,
  target: string,
  before: unknown,
  after: unknown,
): Promise<void> => {
  const at = new Date().toISOString();
  await storage.office.appendAudit({
    id: auditId(at),
    at,
    actorId: actor.id,
    actorEmail: actor.email,
    action,
    target,
    before: before ?? null,
    after: after ?? null,
  });
};

/** A user as the audit and the screens show it: no password hash. */
export const userFacts = (user: User | null): Record<string, unknown> | null =>
  user && {
    email: user.email,
    name: user.name,
    role: user.role,
    teamId: user.teamId,
    disabled: user.disabled,
  };
