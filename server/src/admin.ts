// `npm run admin -- <command>`: office administration on the server's environment
// (DESIGN.md §4 'Running it'). Exit code 0 on success; plain-words errors otherwise.
import { readFileSync, writeFileSync } from 'node:fs';
import { exportBackup } from './backup';
import { showCompany } from './company';
import { configFromEnv } from './config';
import { describeDemo, loadDemo } from './demo';
import { describeErasure, erasePerson } from './erase';
import { OfficeError } from './office';
import type { PersonQuery } from './privacy/person';
import type { SubjectExportFormat } from './privacy/subject-export';
import {
  collectSubjectRecords,
  countRecords,
  renderSubjectExport,
  subjectExportFormats,
} from './privacy/subject-export';
import { noSuchUser } from './office';
import { addFair, listFairs } from './fairs';
import { commandLineActor as cli } from './office-admin/audit';
import { adminImportCatalog } from './office-admin/catalog';
import { adminSetCompany } from './office-admin/company';
import { adminRevokeDevice, listAdminDevices } from './office-admin/devices';
import {
  adminAddTeam,
  adminAddUser,
  adminDisableTeam,
  adminResetPassword,
  adminSetRole,
  adminSetTeam,
  adminSetUserDisabled,
} from './office-admin/users';
import { openStorage } from './storage';
import { latestVersion } from './storage/migrations';
import { RestoreRefusedError } from './storage/snapshot';
import { restoreBackup } from './restore';
import type { Storage } from './storage/types';
import { describeWebForm, setWebFormAssignment, setWebFormEmbedOrigins } from './web-lead/settings';

const usage = `Usage: npm run admin -- <command>
  user add --email E --password P --role seller|manager|admin [--team T] [--name N]
  user disable --email E
  user enable --email E
  user role --email E --role seller|manager|admin
  user team --email E --team T
  user password --email E --password P
  user list
  team add --name T
  team disable --name T     (disables every member and ends their sessions)
  team list
  device list               (each user's devices: series, last sync, app version, refused changes)
  device revoke ID|SERIES   (ends its sessions, retires its series; the device wipes its data)
  audit [--limit N]         (the latest admin actions, newest first)
  catalog import FILE.csv   (columns: sku, name, description, unit, family, vat_rate,
                             active, price_list, currency, unit_price)
  company set --file company.json   (the office's legal identity on documents and e-invoices)
  company show
  fair add --name N --start YYYY-MM-DD [--end YYYY-MM-DD] [--place P] [--booth B]
           [--questions "yes_no Interested?; one_choice Budget = <10k | 10-50k | >50k;
                         several_choices Lines = Cranes | Hoists; number Staff; text Notes"]
                            (an office fair: every seller sees it and can make it current)
  fair list
  demo load
  backup FILE               (one consistent snapshot, streamed to FILE as NDJSON)
  restore FILE [--force]    (into an empty data folder or database; --force replaces
                             what is there; gives the office a new epoch)
  epoch renew               (after restoring the database by other means, e.g. pg_dump or
                             point-in-time recovery: devices re-sync and re-push)
  migrate                   (upgrades the database schema; the server also does at start)
  erase --email E | --phone P | --name N --company C
                            (GDPR: purge a person's data on leads, contacts, accounts,
                             timelines and documents' free text; invoices keep fiscal data)
  subject-export --email E | --phone P | --name N --company C --format json|csv --out FILE
                            (GDPR: every record about a person, for an access request)
  webform assign --seller E | --team T   (who receives the web opt-in form's leads)
  webform embed --origins https://www.example.com[,…]   (sites that may frame the form)
  webform show
Environment: DATA_DIR (default ./data) or DATABASE_URL (postgres://…).`;

type Args = { words: string[]; flags: Map<string, string> };

const parseArgs = (argv: string[]): Args => {
  const words: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--force') flags.set('force', 'yes');
    else if (arg.startsWith('--')) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--'))
        throw new OfficeError(`${arg} needs a value.`);
      flags.set(arg.slice(2), value);
      i++;
    } else words.push(arg);
  }
  return { words, flags };
};

const need = (args: Args, flag: string): string => {
  const value = args.flags.get(flag);
  if (value === undefined || value.trim() === '') throw new OfficeError(`--${flag} is required.`);
  return value;
};

const personOf = (args: Args): PersonQuery => {
  const query: PersonQuery = {};
  for (const key of ['email', 'phone', 'name', 'company'] as const) {
    const value = args.flags.get(key);
    if (value !== undefined) query[key] = value;
  }
  return query;
};

const userId = async (storage: Storage, args: Args): Promise<string> => {
  const email = need(args, 'email');
  const user = await storage.findUserByEmail(email.trim().toLowerCase());
  if (!user) throw noSuchUser(email);
  return user.id;
};

/** The company file's JSON (the checks then say field by field what is wrong). */
const companyFile = (file: string): unknown => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    throw new OfficeError(
      `The company file is not valid JSON: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
};

const describeDevices = async (storage: Storage): Promise<string> =>
  (await listAdminDevices(storage))
    .map((d) =>
      [
        d.userEmail,
        d.name,
        d.series,
        d.revokedAt ? `revoked ${d.revokedAt}` : `last sync ${d.lastSyncAt ?? 'never'}`,
        `app ${d.appVersion ?? 'unknown'}`,
        `refused waiting ${d.refusedWaiting ?? 'unknown'}`,
        d.id,
      ].join('\t'),
    )
    .join('\n');

/** Runs one admin command; returns what to print. */
export const runAdmin = async (
  storage: Storage,
  argv: string[],
  dataDir = configFromEnv().dataDir,
): Promise<string> => {
  const args = parseArgs(argv);
  const [group, action, target] = args.words;
  const command = `${group ?? ''} ${action ?? ''}`.trim();
  switch (command) {
    case 'user add': {
      const user = await adminAddUser(storage, cli, {
        email: need(args, 'email'),
        password: need(args, 'password'),
        role: need(args, 'role'),
        team: args.flags.get('team'),
        name: args.flags.get('name'),
      });
      return `Added ${user.role} ${user.email}.`;
    }
    case 'user disable':
      return `Disabled ${(await adminSetUserDisabled(storage, cli, await userId(storage, args), true)).email} and ended their sessions.`;
    case 'user enable':
      return `Enabled ${(await adminSetUserDisabled(storage, cli, await userId(storage, args), false)).email}.`;
    case 'user role': {
      const user = await adminSetRole(
        storage,
        cli,
        await userId(storage, args),
        need(args, 'role'),
      );
      return `${user.email} is now ${user.role}.`;
    }
    case 'user team': {
      const user = await adminSetTeam(
        storage,
        cli,
        await userId(storage, args),
        need(args, 'team'),
      );
      return `${user.email} is now in ${need(args, 'team')}.`;
    }
    case 'user password': {
      const id = await userId(storage, args);
      await adminResetPassword(storage, cli, id, need(args, 'password'));
      return `The password of ${need(args, 'email')} is changed.`;
    }
    case 'user list': {
      const teams = new Map((await storage.listTeams()).map((t) => [t.id, t.name]));
      return (await storage.listUsers())
        .map(
          (u) =>
            `${u.email}\t${u.role}\t${u.teamId ? (teams.get(u.teamId) ?? '') : ''}${u.disabled ? '\tdisabled' : ''}`,
        )
        .join('\n');
    }
    case 'team add':
      return `Team ${(await adminAddTeam(storage, cli, need(args, 'name'))).name} is ready.`;
    case 'team disable': {
      const members = await adminDisableTeam(storage, cli, need(args, 'name'));
      return `Disabled ${members.length} members of ${need(args, 'name')}.`;
    }
    case 'team list':
      return (await storage.listTeams()).map((t) => t.name).join('\n');
    case 'catalog import': {
      if (!target) throw new OfficeError('Give the CSV file to import.');
      const report = await adminImportCatalog(storage, cli, readFileSync(target, 'utf8'));
      if (report.errors.length > 0) {
        throw new OfficeError(
          `Nothing was imported; fix these lines and try again:\n${report.errors.join('\n')}`,
        );
      }
      return `Imported ${report.products} products and ${report.priceLists} price lists.`;
    }
    case 'company set': {
      const company = await adminSetCompany(storage, cli, companyFile(need(args, 'file')));
      return `Saved ${company.name} (${company.vatNumber}); devices get it at their next sync.`;
    }
    case 'company show':
      return (await showCompany(storage)) ?? 'No company is set yet: use company set --file FILE.';
    case 'device list':
      return describeDevices(storage);
    case 'device revoke': {
      if (!target) throw new OfficeError('Give the id or series of the device to revoke.');
      const d = await adminRevokeDevice(storage, cli, target);
      return `Revoked ${d.name} (${d.series}) of ${d.userEmail}: its sessions are ended and its series is retired; the device removes its data at its next call.`;
    }
    case 'fair add': {
      const fair = await addFair(storage, {
        name: need(args, 'name'),
        start: need(args, 'start'),
        end: args.flags.get('end'),
        place: args.flags.get('place'),
        booth: args.flags.get('booth'),
        questions: args.flags.get('questions'),
      });
      return `Added the fair ${fair.name} (${fair.startDate} to ${fair.endDate}) with ${fair.questions.length} questions; devices get it at their next sync.`;
    }
    case 'fair list':
      return listFairs(storage);
    case 'demo load':
      return describeDemo(await loadDemo(storage));
    case 'webform assign':
      return setWebFormAssignment(storage, dataDir, {
        seller: args.flags.get('seller'),
        team: args.flags.get('team'),
      });
    case 'webform embed':
      return setWebFormEmbedOrigins(dataDir, need(args, 'origins'));
    case 'webform show':
      return describeWebForm(dataDir);
    default:
      break;
  }
  if (group === 'audit') {
    const limit = Number(args.flags.get('limit') ?? '50');
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new OfficeError('--limit must be a whole number from 1 to 1000.');
    return (await storage.office.listAudit({ limit }))
      .map((e) => `${e.at}\t${e.actorEmail}\t${e.action}\t${e.target}`)
      .join('\n');
  }
  if (group === 'migrate') {
    // Opening the storage applied every pending migration.
    return `The database schema is at version ${await storage.schemaVersion()} (the latest this server knows: ${latestVersion()}).`;
  }
  if (group === 'backup') {
    if (!action) throw new OfficeError('Give the file to write the backup to.');
    const { documents } = await exportBackup(storage, action);
    return `Backup with ${documents} documents written to ${action}.`;
  }
  if (group === 'restore') {
    if (!action) throw new OfficeError('Give the backup file to restore.');
    try {
      const r = await restoreBackup(storage, action, { force: args.flags.has('force') });
      return `Restored ${r.documents} documents from the backup of ${r.from.createdAt}. The office has a new epoch (${r.epoch.id}): devices will pull everything again and send what the backup lacks.`;
    } catch (err) {
      if (err instanceof RestoreRefusedError) throw new OfficeError(err.message);
      throw err;
    }
  }
  if (command === 'epoch renew') {
    const epoch = await storage.renewEpoch();
    return `The office has a new epoch (${epoch.id}): devices will pull everything again and send what the database lacks.`;
  }
  if (group === 'erase') return describeErasure(await erasePerson(storage, personOf(args)));
  if (group === 'subject-export') {
    const format = subjectExportFormats.find((f) => f === need(args, 'format'));
    if (format === undefined)
      throw new OfficeError(`--format must be json or csv, not "${need(args, 'format')}".`);
    const out = need(args, 'out');
    const data = await collectSubjectRecords(storage, personOf(args));
    writeFileSync(out, renderSubjectExport(data, format satisfies SubjectExportFormat), {
      mode: 0o600,
    });
    return `Wrote ${countRecords(data)} records about the person to ${out} (${format}).`;
  }
  if (group === undefined || group === 'help' || args.flags.has('help')) return usage;
  throw new OfficeError(`Unknown command "${args.words.join(' ')}".\n${usage}`);
};

const main = async (): Promise<number> => {
  const argv = process.argv.slice(2);
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help') {
    console.log(usage);
    return 0;
  }
  const config = configFromEnv();
  const storage = await openStorage({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    poolMax: 2,
  });
  try {
    console.log(await runAdmin(storage, argv, config.dataDir));
    return 0;
  } catch (err) {
    if (err instanceof OfficeError) {
      console.error(err.message);
      return 1;
    }
    console.error(`The command failed: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  } finally {
    await storage.close();
  }
};

// Only when run as the CLI, not when a test imports runAdmin.
if (process.argv[1]?.endsWith('admin.ts')) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`The command failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(2);
    },
  );
}
