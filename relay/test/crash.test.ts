// @vitest-environment node
/**
 * "Nothing lost" under a crash, with the real thing: the Node relay as
 * `npm run relay` runs it (dist/node.mjs, its own process, SQLite in a file),
 * killed with SIGKILL after it answered Chili Piper and before it delivered,
 * then restarted on the same file, against a GA4 collection endpoint on
 * loopback.
 *
 * Exactly once: every accepted webhook that had not reached GA4 when the process died is delivered once.
 * At least once: a request GA4 received, or even answered, in the instant the process died may be sent
 * again, because the relay could not record the answer (its delete was lost with the process).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_BODY } from './fakes';

const ORIGIN = 'https://www.acme-shop.test';
const KEYS = 'k1:' + randomBytes(32).toString('base64url');
const dir = mkdtempSync(join(tmpdir(), 'relay-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** How the fake GA4 treats the next request: answer 204, hold it unanswered, or answer 204 and kill the relay at once. */
type Mode = 'answer' | 'hold' | 'answer-then-kill';

/** A GA4 collection endpoint on loopback that records each request's routeId and whether it answered 204. */
async function fakeGa4() {
  const received: { route: string; answered: boolean }[] = [];
  const held: ServerResponse[] = [];
  const state = { mode: 'answer' as Mode, onKill: () => {} };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const route = String(JSON.parse(body).events[0].params.widget_interaction_id);
      if (state.mode == 'hold') {
        received.push({ route, answered: false });
        held.push(response);
        return;
      }
      received.push({ route, answered: true });
      if (state.mode == 'answer-then-kill') {
        state.mode = 'hold';
        response.writeHead(204).end(() => state.onKill());
      } else response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: 'http://127.0.0.1:' + port,
    received,
    state,
    close: () => {
      for (const response of held) response.destroy();
      server.closeAllConnections();
      server.close();
    },
  };
}

/** Starts dist/node.mjs on the shared SQLite file; resolves once it listens. */
async function startRelay(ga4Url: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', 'dist/node.mjs'], {
    env: {
      ...process.env,
      GA4_MEASUREMENT_ID: 'G-CRASH12345',
      GA4_API_SECRET: 'crash-secret',
      GA4_ENDPOINT: ga4Url,
      RELAY_TOKEN_KEYS: KEYS,
      RELAY_ALLOWED_ORIGINS: ORIGIN,
      RELAY_PUBLIC_URL: 'http://127.0.0.1:' + port,
      RELAY_TOKENS_PER_MINUTE: '1000',
      RELAY_DATABASE: join(dir, 'relay.sqlite'),
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => String(chunk).includes('relay listening') && resolve());
    child.on('exit', (code) => reject(new Error('relay exited with ' + code)));
  });
  return child;
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

async function until(condition: () => boolean, what: string) {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 15_000) throw new Error('timed out waiting for ' + what);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const routeId = (i: number) => '608b31464a37500001ba' + (0x8000 + i).toString(16);

describe('the Node relay killed (SIGKILL) between answering Chili Piper and delivering', () => {
  it('restarted on the same SQLite file, it delivers every accepted webhook: exactly once, or at least once where GA4 answered as it died', async () => {
    const ga4 = await fakeGa4();
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const base = 'http://127.0.0.1:' + port;
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(base + path, { method: 'POST', headers, body: JSON.stringify(body) });
    const accept = async (i: number) => {
      const token = await post('/v1/tokens', { clientId: '1234567890.1763726400', analyticsConsent: true, lead: true }, { origin: ORIGIN });
      const path = new URL(((await token.json()) as { webhookUrl: string }).webhookUrl).pathname;
      expect((await post(path, { ...SEED_BODY, routeId: routeId(i) })).status).toBe(202);
    };

    // 1. GA4 holds every request. The first webhook's delivery is under way (GA4 has it, unanswered);
    //    the next 29 are answered 202 and wait behind it. Then the process dies.
    ga4.state.mode = 'hold';
    let relay = await startRelay(ga4.url, port);
    await accept(0);
    await until(() => ga4.received.length == 1, 'the first delivery');
    for (let i = 1; i < 30; i += 6) await Promise.all([0, 1, 2, 3, 4, 5].map((j) => accept(i + j)));
    await killed(relay);
    const inFlightAtFirstKill = ga4.received.map((r) => r.route);

    // 2. Restarted: it requeues and sends at once. GA4 answers the first request 204 and the process is
    //    killed the moment that answer is written, before it can record it; the rest are held.
    ga4.state.mode = 'answer-then-kill';
    ga4.state.onKill = () => void relay.kill('SIGKILL');
    relay = await startRelay(ga4.url, port);
    await until(() => relay.exitCode !== null || relay.signalCode !== null, 'the second kill');
    const answeredAsItDied = ga4.received.filter((r) => r.answered).map((r) => r.route);
    expect(answeredAsItDied).toHaveLength(1);

    // 3. Restarted again with GA4 healthy: everything goes.
    ga4.state.mode = 'answer';
    relay = await startRelay(ga4.url, port);
    const accepted = Array.from({ length: 30 }, (_, i) => routeId(i));
    await until(() => accepted.every((route) => ga4.received.some((r) => r.route == route && r.answered)), 'every delivery');
    await new Promise((resolve) => setTimeout(resolve, 300)); // anything sent twice would arrive now
    await killed(relay);
    ga4.close();

    const answers = (route: string) => ga4.received.filter((r) => r.route == route && r.answered).length;
    expect(inFlightAtFirstKill).toEqual([routeId(0)]);
    for (const route of accepted) {
      // Nothing lost: every accepted webhook reached GA4 and was answered…
      expect(answers(route), route).toBeGreaterThanOrEqual(1);
      // …once, except the one GA4 answered in the instant the process died (at least once: twice).
      if (route != answeredAsItDied[0]) expect(answers(route), route).toBe(1);
    }
    expect(answers(answeredAsItDied[0])).toBeLessThanOrEqual(2);
    // Which of the two happened is printed: twice means the delete was lost with the process.
    console.log(`crash test: the request GA4 answered as the relay died reached GA4 ${answers(answeredAsItDied[0])} time(s) in all`);
  }, 60_000);
});
