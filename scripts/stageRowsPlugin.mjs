// The esbuild plugin every bundle of the bridge goes through (build.mjs, bench/size.mjs).
import { readFileSync } from 'node:fs';

/**
 * In the bundles a stage table's row `['open', __DOCS__ && 'why…']` becomes
 * the plain `'open'` (stageOf reads both forms): the reason is docs-only, and
 * even its `false` would cost bytes on every site. A row the pattern misses
 * still works, as `['open', false]`.
 */
export const stageRowsPlugin = {
  name: 'stage-rows',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]src[\\/]vendors[\\/][^\\/]+[\\/]stages\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const rows = /\[\s*('[a-z]+')\s*,\s*__DOCS__\s*&&\s*(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*,?\s*\]/g;
      return { contents: source.replace(rows, '$1'), loader: 'ts' };
    });
  },
};
