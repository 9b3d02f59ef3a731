// Structured JSON logs (pino, through Fastify) to stdout and to server.log in the data folder.
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';

export const logStream = (dataDir: string): Writable => {
  mkdirSync(dataDir, { recursive: true });
  const file = createWriteStream(join(dataDir, 'server.log'), { flags: 'a' });
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      process.stdout.write(chunk);
      file.write(chunk, callback);
    },
    final(callback) {
      file.end(callback);
    },
  });
};
