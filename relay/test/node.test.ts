// @vitest-environment node
/**
 * The Node deployment as `npm run relay` starts it (startNodeRelay, on loopback): bodies are read from
 * the IncomingMessage no further than 4 KB, whether the client says their length or streams them.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeRelay } from '../src/node';
import { SEED_BODY } from './fakes';

const ORIGIN = 'https://www.acme-shop.test';
let relay: Awaited<ReturnType<typeof startNodeRelay>>;
beforeAll(async () => {
  relay = await startNodeRelay(
    {
      GA4_MEASUREMENT_ID: 'G-NODE123456',
      GA4_API_SECRET: 'node-secret',
      GA4_ENDPOINT: 'http://127.0.0.1:9', // nothing answers there: deliveries wait in the outbox
      RELAY_TOKEN_KEYS: 'k1:' + randomBytes(32).toString('base64url'),
      RELAY_ALLOWED_ORIGINS: ORIGIN,
      RELAY_PUBLIC_URL: 'http://127.0.0.1:8787',
      RELAY_DATABASE: ':memory:',
      PORT: '0',
    },
    () => {},
  );
});
afterAll(() => relay.close());

/** A body sent without a length: chunked, as a client streaming it would. */
const streamed = (text: string) =>
  new ReadableStream({
    start(controller) {
      for (let i = 0; i < text.length; i += 1000) controller.enqueue(new TextEncoder().encode(text.slice(i, i + 1000)));
      controller.close();
    },
  });

describe('the Node relay reads bodies itself', () => {
  it('a token request and a webhook in a few hundred bytes pass (control), with or without a length', async () => {
    const request = JSON.stringify({ clientId: '1234567890.1763726400', analyticsConsent: true, lead: true });
    const token = await fetch(relay.url + '/v1/tokens', { method: 'POST', headers: { origin: ORIGIN }, body: request });
    expect(token.status).toBe(201);
    const path = new URL(((await token.json()) as { webhookUrl: string }).webhookUrl).pathname;
    const hook = await fetch(relay.url + path, {
      method: 'POST',
      body: streamed(JSON.stringify(SEED_BODY)),
      duplex: 'half',
    } as RequestInit);
    expect(hook.status).toBe(202);
  });

  it('over 4 KB is 413, whether announced by Content-Length or streamed', async () => {
    const large = JSON.stringify({ ...SEED_BODY, pad: 'x'.repeat(5000) });
    expect((await fetch(relay.url + '/v1/hooks/k1.x', { method: 'POST', body: large })).status).toBe(413);
    const chunked = await fetch(relay.url + '/v1/hooks/k1.x', { method: 'POST', body: streamed(large), duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    const tokens = await fetch(relay.url + '/v1/tokens', {
      method: 'POST',
      headers: { origin: ORIGIN },
      body: streamed(large),
      duplex: 'half',
    } as RequestInit);
    expect(tokens.status).toBe(413);
  });
});
