// Simulated devices as async clients: each signs in, then pulls and pushes a few new leads,
// all at once against one server. Loopback only; every request has a deadline.
import { generateLeads } from '../../shared/dataset';
import type { LoginResponse, PullResponse, PushResponse } from '../../shared/sync/protocol';

export type RequestKind = 'login' | 'pull' | 'push';
export type Sample = { kind: RequestKind; ms: number; ok: boolean };

export type LoadOptions = {
  url: string;
  sellers: string[];
  password: string;
  devices: number;
  rounds: number;
  pushPerRound: number;
  requestTimeoutMs: number;
};

export type LoadResult = { samples: Sample[]; wallMs: number; errors: string[] };

export const runDeviceLoad = async (options: LoadOptions): Promise<LoadResult> => {
  const samples: Sample[] = [];
  const errors: string[] = [];
  const timed = async <T>(kind: RequestKind, call: (signal: AbortSignal) => Promise<Response>) => {
    const start = performance.now();
    try {
      const res = await call(AbortSignal.timeout(options.requestTimeoutMs));
      const body = (await res.json()) as T;
      const ok = res.ok;
      samples.push({ kind, ms: performance.now() - start, ok });
      if (!ok) errors.push(`${kind} ${res.status}`);
      return ok ? body : null;
    } catch (error) {
      samples.push({ kind, ms: performance.now() - start, ok: false });
      errors.push(`${kind} ${error instanceof Error ? error.name : 'error'}`);
      return null;
    }
  };

  const device = async (index: number): Promise<void> => {
    const email = options.sellers[index % options.sellers.length] as string;
    const login = await timed<LoginResponse>('login', (signal) =>
      fetch(`${options.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email,
          password: options.password,
          deviceName: `bench device ${index}`,
        }),
        signal,
      }),
    );
    if (login === null) return;
    const auth = { authorization: `Bearer ${login.token}` };
    const checkpoints = new Map<string, unknown>();
    const pull = async (collection: string) => {
      const q = new URLSearchParams({ limit: '200' });
      const cp = checkpoints.get(collection);
      if (cp !== undefined && cp !== null) q.set('checkpoint', JSON.stringify(cp));
      const page = await timed<PullResponse>('pull', (signal) =>
        fetch(`${options.url}/api/sync/${collection}/pull?${q.toString()}`, {
          headers: auth,
          signal,
        }),
      );
      if (page) checkpoints.set(collection, page.checkpoint);
    };
    for (let round = 0; round < options.rounds; round++) {
      await pull('leads');
      await pull('accounts');
      const leads = [
        ...generateLeads(100_000 * round + index + 1, options.pushPerRound, [login.user.id], {
          now: new Date().toISOString(),
          daysBack: 0,
        }),
      ];
      const result = await timed<PushResponse>('push', (signal) =>
        fetch(`${options.url}/api/sync/leads/push`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify(
            leads.map((l) => ({
              newDocumentState: { ...l, _deleted: false },
              assumedMasterState: null,
            })),
          ),
          signal,
        }),
      );
      if (result && (result.rejected.length > 0 || result.conflicts.length > 0)) {
        errors.push(
          `push refused ${result.rejected.length} rows, ${result.conflicts.length} conflicts`,
        );
      }
    }
  };

  const start = performance.now();
  await Promise.all(Array.from({ length: options.devices }, (_, i) => device(i)));
  return { samples, wallMs: performance.now() - start, errors };
};
