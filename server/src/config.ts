// Server settings from the environment (DESIGN.md §4 'Running it').
export type ServerConfig = {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
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
  };
};

/** Defaults for what the issue leaves to the operator. */
export const defaults = {
  tokenTtlSeconds: 30 * 24 * 3600,
  loginRateLimit: { max: 10, windowMs: 15 * 60 * 1000 },
  bodyLimit: 10 * 1024 * 1024,
  heartbeatMs: 15_000,
  // A person sends the opt-in form once or twice; a few more allow for typos and a shared office.
  webFormRateLimit: { max: 5, windowMs: 10 * 60 * 1000 },
};
