import { describe, expect, it } from 'vitest';
import { createSyncClient, readServerSentEvents, SyncHttpError } from './client';

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
      streamOf([
        ': connected\n\n',
        'data: {"a"',
        ':1}\n\nda',
        'ta: one\r\ndata: two\r\n\r\n',
        ': heartbeat\n\n',
        'data: tail-without-end',
      ]),
      (d) => seen.push(d),
    );
    expect(seen).toEqual(['{"a":1}', 'one\ntwo']);
  });
});

describe('a device the office revoked', () => {
  const answering = (status: number, body: unknown) => async (): Promise<Response> =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  const revokedBody = {
    code: 'device_revoked',
    message: 'This device was revoked.',
    messages: { en: 'This device was revoked.', it: 'Questo dispositivo è stato revocato.' },
  };

  it('is told on any authenticated call answered 401 device_revoked', async () => {
    const heard: unknown[] = [];
    const client = createSyncClient({
      serverUrl: 'http://office.test',
      getToken: () => 'token',
      fetch: answering(401, revokedBody),
      onDeviceRevoked: (messages) => heard.push(messages),
    });
    await expect(client.pull('leads', null, 10)).rejects.toMatchObject({
      status: 401,
      code: 'device_revoked',
    });
    await expect(client.push('leads', [])).rejects.toBeInstanceOf(SyncHttpError);
    await expect(client.renameDevice({ name: 'x' })).rejects.toBeInstanceOf(SyncHttpError);
    expect(heard).toEqual([revokedBody.messages, revokedBody.messages, revokedBody.messages]);
  });

  it('is not wiped by an expired session or another refusal', async () => {
    let heard = 0;
    for (const [status, code] of [
      [401, 'unauthorized'],
      [403, 'device_revoked'],
    ] as const) {
      const client = createSyncClient({
        serverUrl: 'http://office.test',
        getToken: () => 'token',
        fetch: answering(status, { ...revokedBody, code }),
        onDeviceRevoked: () => heard++,
      });
      await expect(client.pull('leads', null, 10)).rejects.toMatchObject({ status });
    }
    expect(heard).toBe(0);
  });
});
