// Structured JSON logs (pino, through Fastify) to stdout and to server.log in the data folder.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LogController } from 'fastify';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';

/**
 * The lines logged in one turn of the event loop go out together at its end: one write to
 * stdout and one to the file, both synchronous (as pino's own destination), instead of two
 * per line with the file's handed to the thread pool; under load each hand-off woke a
 * thread. Lines still waiting are written when the stream ends or the process exits.
 */
export const logStream = (dataDir: string): Writable => {
  mkdirSync(dataDir, { recursive: true });
  const fd = openSync(join(dataDir, 'server.log'), 'a');
  let waiting: Buffer[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (waiting.length === 0) return;
    const data = waiting.length === 1 ? (waiting[0] as Buffer) : Buffer.concat(waiting);
    waiting = [];
    process.stdout.write(data);
    for (let at = 0; at < data.length;) at += writeSync(fd, data, at);
  };
  process.once('exit', flush);
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      waiting.push(chunk);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
      callback();
    },
    final(callback) {
      flush();
      process.removeListener('exit', flush);
      closeSync(fd);
      callback();
    },
  });
};

/**
 * One line per request, once it is answered, with the request, the status and the time
 * taken (Fastify's default writes a second line on arrival, with the request alone).
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {
    // The request is in the completion line.
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const fields = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...fields, err: error }, 'request errored');
    else reply.log.info(fields, 'request completed');
  }
}
