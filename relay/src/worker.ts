/**
 * The relay as a Cloudflare Worker with D1, for sites one machine cannot
 * serve: the same app; D1 holds the idempotency keys and the outbox; a cron
 * trigger drains what a failed delivery left behind. Configuration:
 * relay/wrangler.json (bindings, vars, `nodejs_compat` for `node:crypto`) and
 * `wrangler secret put` for GA4_API_SECRET and RELAY_TOKEN_KEYS.
 * https://developers.cloudflare.com/workers/runtime-apis/handlers/scheduled/
 */
import type { D1Database, ExecutionContext, ScheduledController } from '@cloudflare/workers-types/index.ts';
import { createRelay } from './app';
import { readRelayConfig } from './config';
import { openD1Store } from './d1Store';

/** The Worker's bindings: the D1 database and the relay's variables and secrets. */
export type RelayEnv = Record<string, unknown> & { DB: D1Database };

// One relay per isolate: the env object is the same for every request the isolate serves.
const relays = new WeakMap<object, ReturnType<typeof createRelay> | { problems: string[] }>();

function relayFor(env: RelayEnv) {
  let relay = relays.get(env);
  if (!relay) {
    const read = readRelayConfig(env);
    relay =
      'problems' in read
        ? read
        : createRelay({
            config: read.config,
            store: openD1Store(env.DB),
            // Cloudflare sets the client's address; the Worker is never reached directly.
            clientAddress: (c) => c.req.header('cf-connecting-ip'),
            // Delivery continues after Chili Piper got its answer.
            background: (c, work) => c.executionCtx.waitUntil(work),
          });
    relays.set(env, relay);
  }
  return relay;
}

export default {
  fetch(request: Request, env: RelayEnv, ctx: ExecutionContext): Response | Promise<Response> {
    const relay = relayFor(env);
    if ('problems' in relay) {
      console.error('relay configuration: ' + relay.problems.join('; '));
      return new Response('relay misconfigured', { status: 500 });
    }
    return relay.app.fetch(request, env, ctx);
  },
  scheduled(_controller: ScheduledController, env: RelayEnv, ctx: ExecutionContext): void {
    const relay = relayFor(env);
    if (!('problems' in relay)) ctx.waitUntil(relay.maintain());
  },
};
