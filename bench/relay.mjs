// Throughput of the Node relay on this machine (npm run bench; --smoke for the tiny run npm test does;
// --profile adds a CPU profile of the relay process, summed by what the time went to).
// The relay runs as its own process (relay/dist/node.mjs, SQLite in a temporary file) exactly as
// `npm run relay` starts it; this process is the load: it issues tokens, then posts Chili Piper
// webhooks with a fixed number in flight, and plays a GA4 collection endpoint on loopback that answers
// 204. Prints webhooks per second and latency percentiles, then the Measurement Protocol body the relay
// sent for each documented actionType.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeGa4, freePort } from '../scripts/loopback.mjs';
import { summarizeProfile } from './relayProfile.mjs';

const smoke = process.argv.includes('--smoke');
const profile = process.argv.includes('--profile');
const WEBHOOKS = smoke ? 200 : 20_000;
const IN_FLIGHT = 32;
const ORIGIN = 'https://www.acme-shop.test';
const ACTION_TYPES = ['create', 'reschedule', 'agent_reschedule', 'reassign', 'cancel', 'prospect_cancel'];

const ga4 = await fakeGa4();
const port = await freePort();

const dir = mkdtempSync(join(tmpdir(), 'relay-bench-'));
const profileFlags = profile ? ['--cpu-prof', '--cpu-prof-dir=' + dir] : [];
const relay = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', ...profileFlags, 'relay/dist/node.mjs'], {
  env: {
    ...process.env,
    GA4_MEASUREMENT_ID: 'G-BENCH1234',
    GA4_API_SECRET: 'bench-secret',
    GA4_ENDPOINT: ga4.url,
    RELAY_TOKEN_KEYS: 'k1:' + randomBytes(32).toString('base64url'),
    RELAY_ALLOWED_ORIGINS: ORIGIN,
    RELAY_PUBLIC_URL: 'http://127.0.0.1:' + port,
    RELAY_TOKENS_PER_MINUTE: '1000000',
    RELAY_DATABASE: join(dir, 'relay.sqlite'),
    PORT: String(port),
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
relay.stdout.setEncoding('utf8');
await new Promise((resolve, reject) => {
  relay.stdout.on('data', (chunk) => chunk.includes('relay listening') && resolve());
  relay.on('exit', (code) => reject(new Error('relay exited with ' + code)));
});
relay.stdout.resume();
// Whatever happens below, the relay process goes with this one.
process.on('exit', () => relay.kill());
process.on('uncaughtException', (error) => {
  console.error(error);
  process.exit(1);
});
const base = 'http://127.0.0.1:' + port;

const hex = (n) => randomBytes(n).toString('hex');
// The load's own HTTP client: node:http on kept-alive connections, one per request in flight. (fetch costs
// this process several times as much CPU, and on 2 cores the load would then measure itself.)
const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
/** POSTs `body` (JSON) to the relay; resolves with the status and the answer's text. */
const post = (path, body, headers = {}) =>
  new Promise((resolve, reject) => {
    const json = JSON.stringify(body);
    const sent = request(
      base + path,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json), ...headers } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode, text }));
      },
    );
    sent.on('error', reject);
    sent.end(json);
  });
async function token() {
  const body = { clientId: '1234567890.1763726400', sessionId: String(Math.floor(Date.now() / 1000)), analyticsConsent: true, lead: true };
  const response = await post('/v1/tokens', body, { origin: ORIGIN });
  if (response.status != 201) throw new Error('token: HTTP ' + response.status);
  return new URL(JSON.parse(response.text).webhookUrl).pathname;
}
const slot = { start: Date.now() + 86_400_000, end: Date.now() + 86_400_000 + 1_800_000 };
const webhook = (path, body) => post(path, body);

/** Runs `count` calls of `task(i)`, `inFlight` at a time; returns each call's milliseconds. */
async function load(count, inFlight, task) {
  const times = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) {
        const i = next++;
        const started = performance.now();
        await task(i);
        times[i] = performance.now() - started;
      }
    }),
  );
  return times;
}
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** The relay process's CPU time so far (user + system), ms, from /proc (Linux); undefined elsewhere. */
function relayCpuMs() {
  try {
    const fields = readFileSync(`/proc/${relay.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return undefined;
  }
}

// One token per booking, as the bridge asks for them; then each booking's creation, all distinct.
const tokenStarted = performance.now();
const paths = [];
const tokenTimes = await load(WEBHOOKS, IN_FLIGHT, async (i) => (paths[i] = await token()));
const tokenSeconds = (performance.now() - tokenStarted) / 1000;
const started = performance.now();
const cpuBefore = relayCpuMs();
const statuses = {};
const sentBodies = [];
const times = await load(WEBHOOKS, IN_FLIGHT, async (i) => {
  sentBodies[i] = { routeId: hex(12), eventId: hex(12), actionType: 'create', assigneeId: '0051N000001S8LUUA0', slot };
  const response = await webhook(paths[i], sentBodies[i]);
  statuses[response.status] = (statuses[response.status] || 0) + 1;
});
const seconds = (performance.now() - started) / 1000;
// Wait for the deliveries (the relay answers before it delivers), then repeat some deliveries:
// answered from the idempotency keys, without a GA4 request.
for (let waited = 0; ga4.collected.length < WEBHOOKS && waited < 60_000; waited += 5)
  await new Promise((resolve) => setTimeout(resolve, 5));
const deliveredSeconds = (performance.now() - started) / 1000;
const cpuPerWebhook = cpuBefore === undefined ? undefined : (relayCpuMs() - cpuBefore) / WEBHOOKS;
const duplicateStarted = performance.now();
const duplicates = {};
await load(Math.min(WEBHOOKS, 2000), IN_FLIGHT, async (i) => {
  const response = await webhook(paths[i], sentBodies[i]);
  duplicates[response.status] = (duplicates[response.status] || 0) + 1;
});
const duplicateSeconds = (performance.now() - duplicateStarted) / 1000;

const sorted = [...times].sort((a, b) => a - b);
const sortedTokens = [...tokenTimes].sort((a, b) => a - b);
console.log(`relay throughput (${WEBHOOKS} webhooks, ${IN_FLIGHT} in flight, SQLite file, GA4 answered on loopback)`);
console.table([
  {
    what: 'token issued',
    'per second': Math.round(WEBHOOKS / tokenSeconds),
    'p50 ms': percentile(sortedTokens, 50).toFixed(2),
    'p99 ms': percentile(sortedTokens, 99).toFixed(2),
  },
  {
    what: 'webhook accepted (delivered right after)',
    'per second': Math.round(WEBHOOKS / seconds),
    'p50 ms': percentile(sorted, 50).toFixed(2),
    'p99 ms': percentile(sorted, 99).toFixed(2),
    'max ms': sorted[sorted.length - 1].toFixed(2),
  },
]);
console.log(
  `statuses ${JSON.stringify(statuses)}; all ${ga4.collected.length} delivered to GA4 at ${Math.round(WEBHOOKS / deliveredSeconds)}/s end to end;`,
  `repeated deliveries answered ${JSON.stringify(duplicates)} at ${Math.round(Math.min(WEBHOOKS, 2000) / duplicateSeconds)}/s`,
);
if (cpuPerWebhook !== undefined)
  console.log(
    `relay CPU per webhook, accepted and delivered: ${cpuPerWebhook.toFixed(3)} ms (${Math.round(1000 / cpuPerWebhook)}/s on one core)`,
  );
if (statuses[202] != WEBHOOKS || ga4.collected.length != WEBHOOKS || duplicates[200] != Math.min(WEBHOOKS, 2000))
  throw new Error('relay bench: not every webhook was accepted and sent once');

// One booking through every documented actionType, for the Measurement Protocol bodies.
const sentBefore = ga4.collected.length;
/** The Measurement Protocol body GA4 received for `actionType` in the booking below. */
const bodyFor = (actionType) => {
  const request = ga4.collected.slice(sentBefore).find((sent) => sent.body.events[0].params.widget_action == actionType);
  return request && request.body;
};
const booking = await token();
const second = await token();
const routeId = '608b31464a37500001ba7fbd';
for (const actionType of ACTION_TYPES) {
  const moved = actionType.includes('reschedule') ? { start: slot.start + 3_600_000, end: slot.end + 3_600_000 } : slot;
  // prospect_cancel on a second booking: the first one's meeting is canceled already.
  const path = actionType == 'prospect_cancel' ? second : booking;
  const route = actionType == 'prospect_cancel' ? '608b31464a37500001ba7fbe' : routeId;
  const response = await webhook(path, {
    routeId: route,
    eventId: actionType == 'prospect_cancel' ? '608b31626000850001c9a037' : '608b31626000850001c9a036',
    actionType,
    assigneeId: '0050W0000076H5jQAE',
    slot: moved,
  });
  if (response.status != 202) throw new Error(actionType + ': HTTP ' + response.status);
}
for (let waited = 0; ACTION_TYPES.some((actionType) => !bodyFor(actionType)) && waited < 5000; waited += 20)
  await new Promise((resolve) => setTimeout(resolve, 20));
if (!smoke) for (const actionType of ACTION_TYPES) console.log(`\n${actionType}:\n` + JSON.stringify(bodyFor(actionType), null, 2));
else if (ACTION_TYPES.some((actionType) => !bodyFor(actionType))) throw new Error('relay bench: an actionType sent nothing');

// SIGTERM: the relay closes and, profiled, writes its profile on the way out.
await new Promise((resolve) => {
  relay.once('exit', resolve);
  relay.kill();
});
if (profile) {
  const { parts, top } = summarizeProfile(
    join(
      dir,
      readdirSync(dir).find((name) => name.endsWith('.cpuprofile')),
    ),
  );
  console.log('\nwhere the relay process spent its time (tokens, webhooks, deliveries, repeats):');
  console.table(parts);
  console.table(top);
}
agent.destroy();
ga4.close();
rmSync(dir, { recursive: true, force: true });
