// A seller's share for the first sync: the deterministic dataset for one seller, loaded
// into a sync server on a temporary SQLite file through the server's own storage API.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatasetSizes } from '../../shared/dataset';
import type { LoginResponse, PullResponse, SyncCollection } from '../../shared/sync/protocol';
import { syncCollections } from '../../shared/sync/protocol';
import { createServer } from '../../server/src/app';
import { DEMO_PASSWORD, loadDemo } from '../../server/src/demo';

export type Account = { email: string; password: string };

/** Record counts for a share of about `documents` documents, in the office's proportions. */
export const shareSizes = (documents: number): Partial<DatasetSizes> => {
  const n = (f: number) => Math.max(1, Math.round(documents * f));
  return {
    sellers: 1,
    teams: 1,
    leads: n(0.3),
    accounts: n(0.06),
    contacts: n(0.09),
    opportunities: n(0.07),
    quotes: n(0.04),
    orders: n(0.02),
    invoices: n(0.02),
    activities: n(0.4),
  };
};

export type ShareServer = { url: string; seller: Account; close(): Promise<void> };

export const startShareServer = async (documents: number): Promise<ShareServer> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fairlead-bench-sync-'));
  const server = await createServer({ dataDir });
  const signIn = await loadDemo(server.storage, { seed: 7, sizes: shareSizes(documents) });
  const seller = signIn.users.find((u) => u.role === 'seller');
  if (!seller) throw new Error('the share has no seller');
  const url = await server.listen(0, '127.0.0.1');
  return {
    url,
    seller: { email: seller.email, password: DEMO_PASSWORD },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** Everything the seller may pull, per collection (what every peer must end up holding). */
export const pullShare = async (
  url: string,
  account: Account,
): Promise<[SyncCollection, Record<string, unknown>[]][]> => {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...account, deviceName: 'bench share reader' }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status}`);
  const { token } = (await login.json()) as LoginResponse;
  const out: [SyncCollection, Record<string, unknown>[]][] = [];
  for (const name of syncCollections) {
    const docs: Record<string, unknown>[] = [];
    let checkpoint: unknown = null;
    for (;;) {
      const q = new URLSearchParams({ limit: '1000' });
      if (checkpoint !== null) q.set('checkpoint', JSON.stringify(checkpoint));
      const res = await fetch(`${url}/api/sync/${name}/pull?${q.toString()}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!res.ok) throw new Error(`pull ${name} failed: ${res.status}`);
      const page = (await res.json()) as PullResponse;
      docs.push(...(page.documents as unknown as Record<string, unknown>[]));
      if (page.documents.length === 0 || page.checkpoint === null) break;
      checkpoint = page.checkpoint;
    }
    out.push([name, docs]);
  }
  return out;
};
