// Builds the relay: dist/node.mjs (Node 22.5+, Hono bundled, node:sqlite built in) and dist/worker.mjs
// (a Cloudflare Worker module, see wrangler.json; node:crypto and node:buffer come from nodejs_compat).
// The bridge's GA4 rules and schema are bundled from their TypeScript source (the `source` export condition).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const common = { bundle: true, format: 'esm', target: 'es2022', logLevel: 'warning', absWorkingDir: root, legalComments: 'none' };

await Promise.all([
  build({ ...common, entryPoints: ['src/node.ts'], outfile: 'dist/node.mjs', platform: 'node', conditions: ['source'] }),
  build({
    ...common,
    entryPoints: ['src/worker.ts'],
    outfile: 'dist/worker.mjs',
    platform: 'neutral',
    conditions: ['source', 'workerd', 'worker', 'browser'],
    external: ['node:*'],
  }),
]);
