// Users and teams as the administrator manages them: the command line's checks
// (office.ts), each change audited.
import type { AdminTeam, AdminUser } from '../../../shared/office/admin-api';
import { hashPassword } from '../auth/passwords';
import type { AddUserInput } from '../office';
import {
  addTeam,
  addUser,
  checkPassword,
  checkRole,
  disableTeam,
  disableUser,
  needsTeam,
  noSuchUser,
  publishTeamMember,
} from '../office';
import type { Storage, User } from '../storage/types';
import type { AdminActor } from './audit';
import { recordAudit, userFacts } from './audit';

export const listAdminUsers = async (storage: Storage): Promise<AdminUser[]> => {
  const teams = new Map((await storage.listTeams()).map((t) => [t.id, t.name]));
  return (await storage.listUsers()).map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    teamId: u.teamId,
    teamName: u.teamId ? (teams.get(u.teamId) ?? null) : null,
    disabled: u.disabled,
    createdAt: u.createdAt,
  }));
};

export const listAdminTeams = async (storage: Storage): Promise<AdminTeam[]> => {
  const users = await storage.listUsers();
  return (await storage.listTeams()).map((t) => {
    const members = users.filter((u) => u.teamId === t.id);
    return {
      id: t.id,
      name: t.name,
      members: members.length,
      activeMembers: members.filter((u) => !u.disabled).length,
    };
  });
};

const userById = async (storage: Storage, id: string): Promise<User> => {
  const user = await storage.findUserById(id);
  if (!user) throw noSuchUser(id);
  return user;
};

export const adminAddUser = async (
  storage: Storage,
  actor: AdminActor,
  input: AddUserInput,
): Promise<User> => {
  const user = await addUser(storage, input);
  await recordAudit(storage, actor, 'user.add', user.email, null, userFacts(user));
  return user;
};

export const adminSetUserDisabled = async (
  storage: Storage,
  actor: AdminActor,
  id: string,
  disabled: boolean,
): Promise<User> => {
  const before = await userById(storage, id);
  let after: User;
  if (disabled) after = await disableUser(storage, before.email);
  else {
    await storage.setUserDisabled(id, false);
    after = { ...before, disabled: false };
    await publishTeamMember(storage, after);
  }
  const action = disabled ? 'user.disable' : 'user.enable';
  await recordAudit(storage, actor, action, before.email, userFacts(before), userFacts(after));
  return after;
};

export const adminSetRole = async (
  storage: Storage,
  actor: AdminActor,
  id: string,
  roleText: string,
): Promise<User> => {
  const role = checkRole(roleText);
  const before = await userById(storage, id);
  if (role !== 'admin' && before.teamId === null) throw needsTeam();
  await storage.office.setUserRole(id, role, before.teamId);
  const after: User = { ...before, role };
  await publishTeamMember(storage, after);
  await recordAudit(storage, actor, 'user.role', before.email, userFacts(before), userFacts(after));
  return after;
};

/** Moves a user to a team (created when new); only an admin may have none. */
export const adminSetTeam = async (
  storage: Storage,
  actor: AdminActor,
  id: string,
  teamName: string | null,
): Promise<User> => {
  const before = await userById(storage, id);
  if ((teamName === null || teamName.trim() === '') && before.role !== 'admin') throw needsTeam();
  const team =
    teamName && teamName.trim() !== '' ? await adminAddTeam(storage, actor, teamName) : null;
  await storage.office.setUserTeam(id, team?.id ?? null);
  const after: User = { ...before, teamId: team?.id ?? null };
  await publishTeamMember(storage, after);
  await recordAudit(storage, actor, 'user.team', before.email, userFacts(before), userFacts(after));
  return after;
};

// Sessions stay: a seller who forgot the password keeps the laptop's unsynced work; to cut a
// device off, the office revokes it.
export const adminResetPassword = async (
  storage: Storage,
  actor: AdminActor,
  id: string,
  password: string,
): Promise<void> => {
  checkPassword(password);
  const user = await userById(storage, id);
  await storage.office.setPasswordHash(id, await hashPassword(password));
  await recordAudit(storage, actor, 'user.password', user.email, null, { passwordChanged: true });
};

export const adminAddTeam = async (
  storage: Storage,
  actor: AdminActor,
  name: string,
): Promise<AdminTeam> => {
  // As on the command line, adding a team that exists is no change (and no audit entry).
  const existed = await storage.findTeamByName(name.trim());
  const team = existed ?? (await addTeam(storage, name));
  if (!existed) await recordAudit(storage, actor, 'team.add', team.name, null, { name: team.name });
  return (await listAdminTeams(storage)).find((t) => t.id === team.id) as AdminTeam;
};

export const adminDisableTeam = async (
  storage: Storage,
  actor: AdminActor,
  name: string,
): Promise<User[]> => {
  const members = await disableTeam(storage, name);
  await recordAudit(storage, actor, 'team.disable', name.trim(), null, {
    disabledMembers: members.map((m) => m.email),
  });
  return members;
};
