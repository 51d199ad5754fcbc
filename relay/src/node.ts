/**
 * The relay on Node with its embedded store: one process, one SQLite file.
 *   npm run relay          (reads relay/.env when present; see relay/.env.example)
 * Listens on 127.0.0.1:8787 unless HOST / PORT say otherwise; put a TLS
 * reverse proxy in front and set RELAY_TRUST_PROXY=1 so the rate limit sees
 * the client's address rather than the proxy's.
 */
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { createRelay, type LogEntry } from './app';
import { readRelayConfig } from './config';
import { readNodeBody } from './nodeBody';
import { nodePost } from './nodePost';
import { openSqliteStore } from './sqliteStore';

/** How often the outbox is drained besides after every webhook (retries of failed deliveries). */
const DRAIN_EVERY_MS = 15_000;

/** The client's address: the socket's, or the proxy's `X-Forwarded-For` (its last hop) when trusted. */
function clientAddress(trustProxy: boolean) {
  return (c: Context): string | undefined => {
    const forwarded = trustProxy ? c.req.header('x-forwarded-for') : undefined;
    if (forwarded) return forwarded.split(',').pop()!.trim();
    return getConnInfo(c).remote.address;
  };
}

/**
 * JSON lines on stdout, written once per turn of the event loop: stdout to a pipe is a synchronous
 * write per call on Linux (https://nodejs.org/api/process.html#a-note-on-process-i-o), and two lines a
 * webhook cost a tenth of the relay's time written one by one. Lines of the last turn before a crash
 * can be lost; the outbox cannot.
 */
function stdoutLog(): (entry: LogEntry) => void {
  let lines = '';
  const flush = () => {
    process.stdout.write(lines);
    lines = '';
  };
  process.on('exit', () => lines && flush());
  return (entry) => {
    if (!lines) setImmediate(flush);
    lines += JSON.stringify(entry) + '\n';
  };
}

/** Starts the relay; resolves with the server once it listens. `log` replaces the JSON lines on stdout. */
export async function startNodeRelay(env: Record<string, string | undefined> = process.env, log?: (entry: LogEntry) => void) {
  const read = readRelayConfig(env);
  if ('problems' in read) throw new Error('relay configuration:\n  ' + read.problems.join('\n  '));
  const store = openSqliteStore(env.RELAY_DATABASE || 'relay.sqlite');
  const relay = createRelay({
    config: read.config,
    store,
    log: log || stdoutLog(),
    post: nodePost,
    readBody: readNodeBody,
    clientAddress: clientAddress(env.RELAY_TRUST_PROXY == '1'),
  });
  // This process alone owns the file: leases taken before a crash or restart died with their process.
  await store.requeue(Date.now());
  const hostname = env.HOST || '127.0.0.1';
  const port = Number(env.PORT || 8787);
  const timer = setInterval(
    () => relay.maintain().catch((error) => console.error('relay: maintenance failed', String(error))),
    DRAIN_EVERY_MS,
  );
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: relay.app.fetch, hostname, port }, () => resolve(started));
  });
  // What a previous run left in the outbox goes now, not at the first timer tick.
  void relay.drain();
  const address = server.address();
  return {
    url: 'http://' + hostname + ':' + (typeof address == 'object' && address ? address.port : port),
    drain: relay.drain,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        server.close(() => {
          // Deliveries under way finish before the database closes.
          void relay.settled().then(() => {
            store.close();
            resolve();
          });
        });
      }),
  };
}

if (process.argv[1] && /node\.(mjs|ts)$/.test(process.argv[1])) {
  startNodeRelay().then(
    (relay) => {
      console.log('relay listening on ' + relay.url);
      const stop = () => relay.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
