// Demo office: the deterministic dataset of shared/dataset loaded into an empty store, with
// one printed password for every demo user.
import type { Role } from '../../shared/domain/context';
import type { DatasetSizes } from '../../shared/dataset';
import { datasetSizes, generateDataset } from '../../shared/dataset';
import type { AnyRecord } from '../../shared/domain/records';
import type { SyncCollection } from '../../shared/sync/protocol';
import { hashPassword } from './auth/passwords';
import { OfficeError, writeOfficeDocs } from './office';
import type { Storage } from './storage/types';

export const DEMO_PASSWORD = 'fairlead-demo';

export type DemoSignIn = {
  password: string;
  users: { email: string; name: string; role: Role; team: string | null }[];
};

export type DemoOptions = { seed?: number; sizes?: Partial<DatasetSizes>; password?: string };

export const loadDemo = async (
  storage: Storage,
  options: DemoOptions = {},
): Promise<DemoSignIn> => {
  if ((await storage.listUsers()).length > 0) {
    throw new OfficeError('The store already has users: demo data only loads into an empty store.');
  }
  const password = options.password ?? DEMO_PASSWORD;
  const data = generateDataset({ seed: options.seed ?? 1, ...datasetSizes.demo, ...options.sizes });
  const createdAt = new Date().toISOString();
  for (const team of data.teams) await storage.createTeam({ ...team, createdAt });
  // One hash for the one shared demo password keeps loading fast.
  const passwordHash = await hashPassword(password);
  for (const u of data.users) await storage.createUser({ ...u, passwordHash });
  const collections: [SyncCollection, readonly AnyRecord[]][] = [
    ['products', data.products],
    ['pricelists', data.priceLists],
    ['refdata', data.refdata],
    ['leads', data.leads],
    ['accounts', data.accounts],
    ['contacts', data.contacts],
    ['opportunities', data.opportunities],
    ['quotes', data.quotes],
    ['orders', data.orders],
    ['invoices', data.invoices],
    ['activities', data.activities],
  ];
  for (const [collection, records] of collections)
    await writeOfficeDocs(storage, collection, records);
  const teamName = new Map(data.teams.map((t) => [t.id, t.name]));
  return {
    password,
    users: data.users.map((u) => ({
      email: u.email,
      name: u.name,
      role: u.role,
      team: u.teamId ? (teamName.get(u.teamId) ?? null) : null,
    })),
  };
};

export const describeDemo = (signIn: DemoSignIn): string =>
  [
    'Demo office loaded. Sign in with any of these users and the password:',
    `  password: ${signIn.password}`,
    ...signIn.users.map((u) => `  ${u.role.padEnd(7)} ${u.email}${u.team ? ` (${u.team})` : ''}`),
  ].join('\n');
