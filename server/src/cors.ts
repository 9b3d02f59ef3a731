// Cross-origin access for the desktop app (its pages come from app://fairlead) and for a
// browser build the office serves from another origin. Devices authenticate with a Bearer
// header, never cookies, so no credentials are allowed.
import type { FastifyInstance } from 'fastify';

/** The origin of the desktop app's pages (electron/main/protocol.ts). */
export const desktopAppOrigin = 'app://fairlead';

export const allowedOrigins = (extra: string | undefined): ReadonlySet<string> =>
  new Set([
    desktopAppOrigin,
    ...(extra ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
  ]);

export const registerCors = (app: FastifyInstance, origins: ReadonlySet<string>): void => {
  // A callback hook (an async one costs a promise on every request); a preflight is answered
  // here and goes no further.
  app.addHook('onRequest', (request, reply, done) => {
    const origin = request.headers.origin;
    if (origin === undefined || !origins.has(origin)) {
      done();
      return;
    }
    reply.header('Access-Control-Allow-Origin', origin);
    reply.header('Vary', 'Origin');
    if (request.method === 'OPTIONS') {
      // PUT: the administration screens; the health headers ride on every sync call.
      reply.header('Access-Control-Allow-Methods', 'GET, POST, PUT, OPTIONS');
      reply.header(
        'Access-Control-Allow-Headers',
        'Authorization, Content-Type, X-Fairlead-Epoch, X-Fairlead-App-Version, X-Fairlead-Refused-Waiting',
      );
      reply.header('Access-Control-Max-Age', '600');
      void reply.code(204).send();
      return;
    }
    done();
  });
};
