// `npm run server`: the sync server on the environment of DESIGN.md §4 'Running it'.
import { createServer } from './app';
import { configFromEnv } from './config';
import { describeDemo, loadDemo } from './demo';
import { OfficeError } from './office';

const main = async (): Promise<void> => {
  const config = configFromEnv();
  const server = await createServer({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    logger: true,
    corsOrigins: process.env.CORS_ORIGINS,
    trustProxy: config.trustProxy,
  });
  if (process.argv.includes('--demo')) {
    try {
      const signIn = await loadDemo(server.storage);
      console.log(describeDemo(signIn));
    } catch (err) {
      if (!(err instanceof OfficeError)) throw err;
      server.app.log.info('demo not loaded: the store already has users');
      console.log(
        'The store already has users: demo data was not loaded again. Sign in with the existing users.',
      );
    }
  }
  const url = await server.listen(config.port, config.host);
  server.app.log.info({ url, storage: server.storage.kind }, 'Fairlead server listening');
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

main().catch((err: unknown) => {
  console.error(`The server could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
