import { describe, expect, it } from 'vitest';
import { readServerSentEvents } from './client';

const streamOf = (chunks: string[]): ReadableStream<Uint8Array> => {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  });
};

describe('readServerSentEvents', () => {
  it('reads events split across chunks, skips comments, joins multi-line data', async () => {
    const seen: string[] = [];
    await readServerSentEvents(
      streamOf([': connected\n\n', 'data: {"a"', ':1}\n\nda', 'ta: one\r\ndata: two\r\n\r\n', ': heartbeat\n\n', 'data: tail-without-end']),
      (d) => seen.push(d),
    );
    expect(seen).toEqual(['{"a":1}', 'one\ntwo']);
  });
});
