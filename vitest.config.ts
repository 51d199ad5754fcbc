import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

export default defineConfig({
  define: { __VERSION__: JSON.stringify(pkg.version) },
  test: {
    environment: 'happy-dom',
    // Unit tests run vendor snippets that inject <script src> tags: never fetch them.
    environmentOptions: { happyDOM: { settings: { disableJavaScriptFileLoading: true, handleDisabledFileLoadingAsSuccess: true } } },
    include: ['test/**/*.test.ts'],
    restoreMocks: true,
  },
});
