// The web opt-in form's settings, kept in DATA_DIR/web-form.json and set with the admin CLI
// (`webform assign`): who receives its leads, which sites may embed it, and the salt of the
// visitors' address hashes. Every server process on the same DATA_DIR reads the same file.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { OfficeError } from '../office';
import type { Storage, User } from '../storage/types';

const settingsSchema = z.object({
  assignTo: z
    .union([
      z.object({ kind: z.literal('seller'), email: z.string() }),
      z.object({ kind: z.literal('team'), name: z.string() }),
    ])
    .nullable(),
  /** Origins allowed to show the form in a frame (CSP frame-ancestors). */
  embedOrigins: z.array(z.string()),
  /** Salt of the visitors' address hashes kept as consent proof. */
  addressSalt: z.string().min(16),
});
export type WebFormSettings = z.infer<typeof settingsSchema>;

const fileOf = (dataDir: string) => join(dataDir, 'web-form.json');

export const readWebFormSettings = (dataDir: string): WebFormSettings => {
  const file = fileOf(dataDir);
  if (existsSync(file)) {
    const parsed = settingsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
  }
  const fresh: WebFormSettings = {
    assignTo: null,
    embedOrigins: [],
    addressSalt: randomBytes(24).toString('base64url'),
  };
  writeWebFormSettings(dataDir, fresh);
  return fresh;
};

export const writeWebFormSettings = (dataDir: string, settings: WebFormSettings): void => {
  mkdirSync(dataDir, { recursive: true });
  // Write then rename, so a reader never sees half a file.
  const tmp = `${fileOf(dataDir)}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, fileOf(dataDir));
};

const activeSellersOf = (users: readonly User[], teamId: string) =>
  users.filter((u) => !u.disabled && u.teamId === teamId && u.role === 'seller');

/** Checks and saves the assignment rule; returns what to print. */
export const setWebFormAssignment = async (
  storage: Storage,
  dataDir: string,
  rule: { seller?: string; team?: string },
): Promise<string> => {
  const settings = readWebFormSettings(dataDir);
  if (rule.seller !== undefined) {
    const user = await storage.findUserByEmail(rule.seller.trim().toLowerCase());
    if (!user || user.disabled)
      throw new OfficeError(`There is no active user with the email ${rule.seller}.`);
    writeWebFormSettings(dataDir, { ...settings, assignTo: { kind: 'seller', email: user.email } });
    return `Web form leads now go to ${user.email}.`;
  }
  if (rule.team !== undefined) {
    const team = await storage.findTeamByName(rule.team.trim());
    if (!team) throw new OfficeError(`There is no team called ${rule.team}.`);
    if (activeSellersOf(await storage.listUsers(), team.id).length === 0)
      throw new OfficeError(`The team ${team.name} has no active seller to receive leads.`);
    writeWebFormSettings(dataDir, { ...settings, assignTo: { kind: 'team', name: team.name } });
    return `Web form leads now go to the sellers of ${team.name}, in turn.`;
  }
  throw new OfficeError('Give --seller EMAIL or --team NAME.');
};

export const setWebFormEmbedOrigins = (dataDir: string, origins: string): string => {
  const list = origins
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of list) {
    if (!/^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin))
      throw new OfficeError(`"${origin}" is not an origin such as https://www.example.com.`);
  }
  writeWebFormSettings(dataDir, { ...readWebFormSettings(dataDir), embedOrigins: list });
  return list.length
    ? `The form may be embedded by ${list.join(', ')}.`
    : 'The form may not be embedded.';
};

export const describeWebForm = (dataDir: string): string => {
  const s = readWebFormSettings(dataDir);
  const to =
    s.assignTo === null
      ? 'no one yet (leads go to the first admin): run `webform assign --seller E` or `--team T`'
      : s.assignTo.kind === 'seller'
        ? `the seller ${s.assignTo.email}`
        : `the sellers of team ${s.assignTo.name}, in turn`;
  return `Web form leads go to ${to}.\nEmbedding sites: ${s.embedOrigins.join(', ') || 'none'}.\nThe form is at /optin (Italian: /optin?lang=it).`;
};

/**
 * The user who receives a web lead: the configured seller, a seller of the configured team
 * (spread by the lead's id), or the first active admin when nothing is set up.
 */
export const assigneeFor = async (
  storage: Storage,
  settings: WebFormSettings,
  leadId: string,
): Promise<User | null> => {
  const users = await storage.listUsers();
  const rule = settings.assignTo;
  if (rule?.kind === 'seller') {
    const user = users.find((u) => u.email === rule.email && !u.disabled);
    if (user) return user;
  }
  if (rule?.kind === 'team') {
    const team = await storage.findTeamByName(rule.name);
    const sellers = team
      ? activeSellersOf(users, team.id).sort((a, b) => a.id.localeCompare(b.id))
      : [];
    if (sellers.length > 0) {
      let h = 0;
      for (const ch of leadId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
      return sellers[h % sellers.length] ?? null;
    }
  }
  return users.find((u) => u.role === 'admin' && !u.disabled) ?? null;
};
