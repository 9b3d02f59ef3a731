// A fetch-based Server-Sent Events reader, as devices use (EventSource cannot send headers).
import type { StreamEvent } from '../../shared/sync/protocol';

export type StreamReader = {
  next(): Promise<StreamEvent>;
  close(): void;
  status: number;
  /** The answer's headers (behind the balancer: which process holds the stream). */
  headers: Headers;
  /** Settles when the server ends the stream (or close() aborts it). */
  ended: Promise<void>;
};

export const openStream = async (baseUrl: string, token: string): Promise<StreamReader> => {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/api/sync/stream`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  const queue: StreamEvent[] = [];
  const waiters: ((e: StreamEvent) => void)[] = [];
  const body = res.body;
  let ended: Promise<void> = Promise.resolve();
  if (res.status === 200 && body) {
    ended = (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of body) {
          buffer += decoder.decode(chunk as Uint8Array, { stream: true });
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = frame.split('\n').find((line) => line.startsWith('data: '));
            if (data) {
              const event = JSON.parse(data.slice(6)) as StreamEvent;
              const waiter = waiters.shift();
              if (waiter) waiter(event);
              else queue.push(event);
            }
            end = buffer.indexOf('\n\n');
          }
        }
      } catch {
        // Aborted by close().
      }
    })();
  }
  return {
    status: res.status,
    headers: res.headers,
    ended,
    next: () => {
      const queued = queue.shift();
      return queued ? Promise.resolve(queued) : new Promise((resolve) => waiters.push(resolve));
    },
    close: () => controller.abort(),
  };
};
