// Server settings from the environment (DESIGN.md §4 'Running it').
export type ServerConfig = {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  trustProxy: boolean | string[];
};

/**
 * TRUST_PROXY: unset or "false" believes no X-Forwarded-For (the socket's address counts);
 * "true" believes any proxy (only when nothing reaches the server but through one);
 * otherwise a comma-separated list of proxy addresses or CIDR ranges ("127.0.0.1,10.0.0.0/8").
 * Only then is the client address the throttle counts the one the proxy forwarded.
 */
export const parseTrustProxy = (raw: string | undefined): boolean | string[] => {
  const value = (raw ?? '').trim();
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true') return true;
  const list = value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (list.some((p) => !/^[0-9a-fA-F.:]+(\/[0-9]{1,3})?$/.test(p))) {
    throw new Error(
      `TRUST_PROXY must be true, false or proxy addresses (comma-separated), not "${value}"`,
    );
  }
  return list;
};

export const configFromEnv = (env: NodeJS.ProcessEnv = process.env): ServerConfig => {
  const port = env.PORT === undefined || env.PORT === '' ? 8787 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  }
  return {
    host: env.HOST || '127.0.0.1',
    port,
    dataDir: env.DATA_DIR || './data',
    databaseUrl: env.DATABASE_URL || undefined,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
  };
};

/** Defaults for what the issue leaves to the operator. */
export const defaults = {
  tokenTtlSeconds: 30 * 24 * 3600,
  bodyLimit: 10 * 1024 * 1024,
  heartbeatMs: 15_000,
  // A person sends the opt-in form once or twice; a few more allow for typos and a shared office.
  webFormRateLimit: { max: 5, windowMs: 10 * 60 * 1000 },
};
