// Office administration used by the admin CLI, the demo loader and tests.
import type { Role } from '../../shared/domain/context';
import type { LocalizedText } from '../../shared/domain/errors';
import { derivedId } from '../../shared/domain/ids';
import { hasControlCharacters } from '../../shared/domain/plain-text';
import type { AnyRecord, Refdata } from '../../shared/domain/records';
import { recordTypeOfCollection } from '../../shared/domain/records';
import type { SyncCollection, WireDocument } from '../../shared/sync/protocol';
import { hashPassword } from './auth/passwords';
import { newId } from './ids';
import type { Storage, Team, User } from './storage/types';
import { officeNumbering } from './sync/numbers';
import { validateSchema } from './validation';
import { isCatalog } from './visibility';

export const roles: readonly Role[] = ['seller', 'manager', 'admin'];

/** Owner of office-authored records (catalog, reference data) that belong to no seller. */
export const OFFICE_OWNER_ID = 'office';

/** A refused admin action, in plain words: English (the command line) and Italian (the screens). */
export class OfficeError extends Error {
  readonly messages: LocalizedText;
  constructor(en: string, it?: string) {
    super(en);
    this.messages = { en, it: it ?? en };
  }
}

export const addTeam = async (storage: Storage, name: string, id = newId()): Promise<Team> => {
  const clean = name.trim();
  if (clean === '') throw new OfficeError('A team needs a name.', 'Un team ha bisogno di un nome.');
  if (hasControlCharacters(clean))
    throw new OfficeError(
      'A team name cannot contain control characters.',
      'Il nome di un team non può contenere caratteri di controllo.',
    );
  const existing = await storage.findTeamByName(clean);
  if (existing) return existing;
  const team: Team = { id, name: clean, createdAt: new Date().toISOString() };
  await storage.createTeam(team);
  return team;
};

export const checkRole = (value: string): Role => {
  const role = roles.find((r) => r === value);
  if (!role)
    throw new OfficeError(
      `The role must be seller, manager or admin, not "${value}".`,
      `Il ruolo deve essere seller, manager o admin, non "${value}".`,
    );
  return role;
};

export const checkPassword = (password: string): void => {
  if (password.length < 8)
    throw new OfficeError(
      'The password must be at least 8 characters long.',
      'La password deve essere lunga almeno 8 caratteri.',
    );
  if (password.length > 1024)
    throw new OfficeError(
      'The password can be at most 1024 characters long.',
      'La password può essere lunga al massimo 1024 caratteri.',
    );
};

export const needsTeam = (): OfficeError =>
  new OfficeError(
    'Sellers and managers need a team (--team).',
    'Venditori e manager devono far parte di un team.',
  );

export const noSuchUser = (email: string): OfficeError =>
  new OfficeError(
    `There is no user with the email ${email}.`,
    `Non esiste un utente con l'email ${email}.`,
  );

export type AddUserInput = {
  email: string;
  password: string;
  role: string;
  team?: string;
  name?: string;
  id?: string;
  /** A precomputed hash (the demo loader hashes its one password once). */
  passwordHash?: string;
};

export const addUser = async (storage: Storage, input: AddUserInput): Promise<User> => {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || hasControlCharacters(email))
    throw new OfficeError(
      `"${input.email}" is not an email address.`,
      `"${input.email}" non è un indirizzo email.`,
    );
  const role = checkRole(input.role);
  if (!input.passwordHash) checkPassword(input.password);
  if (hasControlCharacters(input.name ?? ''))
    throw new OfficeError(
      'A name cannot contain control characters.',
      'Un nome non può contenere caratteri di controllo.',
    );
  if (await storage.findUserByEmail(email))
    throw new OfficeError(
      `A user with the email ${email} already exists.`,
      `Esiste già un utente con l'email ${email}.`,
    );
  if (role !== 'admin' && !input.team) throw needsTeam();
  const team = input.team ? await addTeam(storage, input.team) : null;
  const user = await storage.createUser({
    id: input.id ?? newId(),
    email,
    name: input.name?.trim() || email.split('@')[0] || email,
    role,
    teamId: team ? team.id : null,
    passwordHash: input.passwordHash ?? (await hashPassword(input.password)),
  });
  await publishTeamMember(storage, user);
  return user;
};

export const disableUser = async (storage: Storage, email: string): Promise<User> => {
  const user = await storage.findUserByEmail(email);
  if (!user) throw noSuchUser(email);
  await storage.setUserDisabled(user.id, true);
  await storage.revokeUserSessions(user.id);
  const disabled = { ...user, disabled: true };
  await publishTeamMember(storage, disabled);
  return disabled;
};

/**
 * Publishes a user as a `team_member` reference record, so devices can show owners' names.
 * Its id derives from the user's, so later changes replace it.
 */
export const publishTeamMember = async (storage: Storage, user: User): Promise<void> => {
  const id = derivedId(user.id, 'team_member');
  const existing = (await storage.getDocs('refdata', [id])).get(id);
  const now = new Date().toISOString();
  const record: Refdata = {
    id,
    ownerId: OFFICE_OWNER_ID,
    createdAt: existing ? String((existing.doc as Record<string, unknown>).createdAt) : now,
    updatedAt: now,
    updatedBy: OFFICE_OWNER_ID,
    kind: 'team_member',
    key: user.id,
    data: {
      email: user.email,
      name: user.name,
      role: user.role,
      teamId: user.teamId,
      disabled: user.disabled,
    },
  };
  await writeOfficeDocs(storage, 'refdata', [record]);
};

/** Disables every user of a team and ends their sessions. */
export const disableTeam = async (storage: Storage, name: string): Promise<User[]> => {
  const team = await storage.findTeamByName(name.trim());
  if (!team)
    throw new OfficeError(
      `There is no team called ${name}.`,
      `Non esiste un team chiamato ${name}.`,
    );
  const members = (await storage.listUsers()).filter((u) => u.teamId === team.id);
  for (const member of members) await disableUser(storage, member.email);
  return members;
};

/**
 * Writes office-made documents (catalog, reference data, demo records) through the same
 * schema checks as a push; the owner's team is derived as for a push. Throws on the first invalid record.
 */
export const writeOfficeDocs = async (
  storage: Storage,
  collection: SyncCollection,
  records: readonly AnyRecord[],
  deleted = false,
): Promise<void> => {
  const type = recordTypeOfCollection[collection];
  const teams = new Map<string, string | null>();
  for (const owner of new Set(records.map((r) => r.ownerId))) {
    teams.set(
      owner,
      isCatalog(collection) ? null : ((await storage.findUserById(owner))?.teamId ?? null),
    );
  }
  for (const record of records) {
    const checked = validateSchema(type, { ...record });
    if (!checked.ok)
      throw new OfficeError(
        `${collection} ${record.id}: ${checked.error.message.en}`,
        `${collection} ${record.id}: ${checked.error.message.it}`,
      );
  }
  for (let i = 0; i < records.length; i += 1000) {
    const batch = records.slice(i, i + 1000);
    // Office-written numbers are held in issued_numbers too, so no push can take them again.
    const numbering = officeNumbering(type, batch);
    await storage.writeDocs(
      collection,
      batch.map((r) => r.id),
      (_current, holders) => {
        numbering.see(holders);
        return batch.map((r) => ({
          write: {
            id: r.id,
            ownerId: r.ownerId,
            teamId: teams.get(r.ownerId) ?? null,
            doc: { ...r, _deleted: deleted } as WireDocument,
          },
          result: null,
        }));
      },
      numbering.work,
    );
  }
};
