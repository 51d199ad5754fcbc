// @vitest-environment node
/**
 * The Node relay's GA4 transport against a real HTTP server on loopback: what
 * sendMeasurement reads (status, Retry-After, the validation server's JSON)
 * arrives; network errors and timeouts reject; connections are reused.
 */
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodePost } from '../src/nodePost';
import { sendMeasurement } from '../src/sendMeasurement';

const received: { method?: string; url?: string; type?: string; body: string; socket: unknown }[] = [];
const answers: ((response: import('node:http').ServerResponse) => void)[] = [];
const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    received.push({ method: request.method, url: request.url, type: request.headers['content-type'], body, socket: request.socket });
    (answers.shift() || ((r) => r.writeHead(204).end()))(response);
  });
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = 'http://127.0.0.1:' + (server.address() as { port: number }).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const BODY = {
  client_id: '1.2',
  consent: { ad_user_data: 'DENIED', ad_personalization: 'DENIED' } as const,
  events: [{ name: 'widget_meeting_created', params: { engagement_time_msec: 1 } }],
};
const options = { measurementId: 'G-TEST123', apiSecret: 's3cr&t', endpoint: '', now: Date.now(), post: nodePost };

describe('nodePost, the Node relay’s GA4 transport', () => {
  it('posts the JSON body with its content type to the path and query, and reads a 204', async () => {
    received.length = 0;
    expect(await sendMeasurement(BODY, { ...options, endpoint: base })).toEqual({ outcome: 'sent', status: 204 });
    expect(received[0]).toMatchObject({
      method: 'POST',
      url: '/mp/collect?measurement_id=G-TEST123&api_secret=s3cr%26t',
      type: 'application/json',
      body: JSON.stringify(BODY),
    });
  });

  it("reads Retry-After, other statuses and the validation server's JSON", async () => {
    answers.push((r) => r.writeHead(429, { 'retry-after': '120' }).end());
    expect(await sendMeasurement(BODY, { ...options, endpoint: base })).toEqual({
      outcome: 'failed',
      reason: 'HTTP 429',
      retryAfterMs: 120_000,
    });
    answers.push((r) => r.writeHead(400).end('bad'));
    expect(await sendMeasurement(BODY, { ...options, endpoint: base })).toEqual({ outcome: 'rejected', status: 400 });
    const messages = [{ fieldPath: 'events', description: 'x', validationCode: 'NAME_INVALID' }];
    answers.push((r) => r.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ validationMessages: messages })));
    expect(await sendMeasurement(BODY, { ...options, endpoint: base, debug: true })).toEqual({
      outcome: 'sent',
      status: 200,
      validationMessages: messages,
    });
  });

  it('keeps the connection for the next delivery', async () => {
    received.length = 0;
    await sendMeasurement(BODY, { ...options, endpoint: base });
    await sendMeasurement(BODY, { ...options, endpoint: base });
    expect(received).toHaveLength(2);
    expect(received[1].socket).toBe(received[0].socket);
  });

  it('a refused connection and a hung answer are network failures (control: the server answers)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await sendMeasurement(BODY, { ...options, endpoint: 'http://127.0.0.1:' + port })).toMatchObject({
      outcome: 'failed',
      reason: expect.stringMatching(/^network: /),
    });
    answers.push(() => {}); // never answers
    await expect(nodePost(base + '/mp/collect', '{}', 100)).rejects.toThrow(/no answer within 100 ms/);
    expect(await sendMeasurement(BODY, { ...options, endpoint: base })).toEqual({ outcome: 'sent', status: 204 });
  });
});
