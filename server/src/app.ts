// The sync server as a library: storage + Fastify app, used by main.ts and by tests.
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { registerDeviceRoutes } from './auth/device-routes';
import { registerAuthRoutes } from './auth/routes';
import { LoginThrottle } from './auth/rate-limit';
import { registerRefreshRoute } from './auth/refresh-route';
import type { ThrottlePolicy } from './auth/rate-limit';
import { defaults } from './config';
import { allowedOrigins, registerCors } from './cors';
import { installErrorHandlers } from './errors';
import { registerSecurityHeaders } from './http-headers';
import { logStream, RequestLog } from './logging';
import { registerOfficeAdminRoutes } from './office-admin/routes';
import { syncEndpoints } from '../../shared/sync/api-endpoints';
import { apiRoute } from './api-route';
import { openApiDocument } from './openapi';
import { registerPrivacyRoutes } from './privacy/routes';
import { openStorage } from './storage';
import type { Storage } from './storage/types';
import { registerSyncRoutes } from './sync/routes';
import { registerStream } from './sync/stream';
import { registerWebLeadRoutes } from './web-lead/routes';

export type ServerOptions = {
  dataDir?: string;
  databaseUrl?: string;
  logger?: boolean;
  tokenTtlSeconds?: number;
  /** Failed sign-in limits (auth/rate-limit.ts); the defaults when absent. */
  loginThrottle?: Partial<ThrottlePolicy>;
  /**
   * Which proxies' X-Forwarded-For to believe for the client address (Fastify's
   * `trustProxy`): false (default) uses the socket's address.
   */
  trustProxy?: boolean | string[];
  /** SSE heartbeat interval. */
  heartbeatMs?: number;
  /** PostgreSQL pool size per process. */
  poolMax?: number;
  /** Use this storage instead of opening one (it is closed with the server). */
  storage?: Storage;
  /** Extra origins allowed to call the API, comma-separated (app://fairlead always is). */
  corsOrigins?: string;
  /** Submissions of the public web opt-in form per address and window. */
  webFormRateLimit?: { max: number; windowMs: number };
};

export type FairleadServer = {
  app: FastifyInstance;
  storage: Storage;
  url?: string;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
};

export const createServer = async (options: ServerOptions = {}): Promise<FairleadServer> => {
  const dataDir = options.dataDir ?? './data';
  const storage =
    options.storage ??
    (await openStorage({ dataDir, databaseUrl: options.databaseUrl, poolMax: options.poolMax }));
  const app = Fastify({
    forceCloseConnections: true,
    bodyLimit: defaults.bodyLimit,
    logger: options.logger ? { level: 'info', stream: logStream(dataDir) } : false,
    logController: new RequestLog(),
    trustProxy: options.trustProxy ?? false,
    // Pushed documents must reach the handler exactly as sent: no coercion, no stripping.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
  });
  installErrorHandlers(app);
  registerSecurityHeaders(app);
  registerCors(app, allowedOrigins(options.corsOrigins));
  registerAuthRoutes(app, {
    storage,
    throttle: new LoginThrottle(storage, options.loginThrottle),
    tokenTtlSeconds: options.tokenTtlSeconds ?? defaults.tokenTtlSeconds,
  });
  registerRefreshRoute(app, {
    storage,
    tokenTtlSeconds: options.tokenTtlSeconds ?? defaults.tokenTtlSeconds,
  });
  registerDeviceRoutes(app, storage);
  registerSyncRoutes(app, storage);
  registerPrivacyRoutes(app, storage);
  registerOfficeAdminRoutes(app, storage);
  registerStream(app, storage, options.heartbeatMs ?? defaults.heartbeatMs);
  registerWebLeadRoutes(app, {
    storage,
    dataDir,
    rateLimit: options.webFormRateLimit ?? defaults.webFormRateLimit,
  });
  apiRoute(app, syncEndpoints.health, async () => ({
    status: 'ok' as const,
    storage: storage.kind,
    time: new Date().toISOString(),
  }));
  const document = openApiDocument();
  apiRoute(app, syncEndpoints.openapi, async () => document);

  const server: FairleadServer = {
    app,
    storage,
    async listen(port = 0, host = '127.0.0.1') {
      const address = await app.listen({ port, host });
      server.url = address;
      return address;
    },
    async close() {
      await app.close();
      await storage.close();
    },
  };
  return server;
};
