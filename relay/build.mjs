// Builds the relay: relay/dist/node.mjs (Node 22.5+, Hono bundled, node:sqlite built in) and
// relay/dist/worker.mjs (a Cloudflare Worker module, see relay/wrangler.json).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const common = { bundle: true, format: 'esm', target: 'es2022', logLevel: 'warning', absWorkingDir: root, legalComments: 'none' };

await Promise.all([
  build({ ...common, entryPoints: ['src/node.ts'], outfile: 'dist/node.mjs', platform: 'node' }),
  build({
    ...common,
    entryPoints: ['src/worker.ts'],
    outfile: 'dist/worker.mjs',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
  }),
]);
