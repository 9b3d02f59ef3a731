// The open loop's HTTP client: node:http over kept-alive sockets. It shares the machine with
// the server it measures, and fetch (WHATWG streams over undici) spent more CPU per request
// than the server answering it, so the load, not the server, set the saturation on 2 cores.
import { Agent, request } from 'node:http';

export type JsonAnswer = { status: number; ok: boolean; body: unknown };

const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

/** One request with a JSON answer; rejects on a network error, an unreadable body or the deadline. */
export const requestJson = (
  url: string,
  options: {
    method: 'GET' | 'POST';
    headers: Record<string, string>;
    body?: string;
    timeoutMs: number;
  },
): Promise<JsonAnswer> =>
  new Promise((resolve, reject) => {
    const headers =
      options.body === undefined
        ? options.headers
        : { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) };
    const req = request(url, { method: options.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        try {
          const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          resolve({ status, ok: status >= 200 && status < 300, body });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    const timer = setTimeout(() => {
      const error = new Error(`no answer within ${options.timeoutMs} ms`);
      error.name = 'TimeoutError';
      req.destroy(error);
    }, options.timeoutMs);
    req.on('error', reject);
    req.on('close', () => clearTimeout(timer));
    req.end(options.body);
  });
