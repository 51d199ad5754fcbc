import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// The bridge's GA4 rules and schema from their TypeScript source (the package's `source` export condition).
const conditions = ['source', ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: { environment: 'node', include: ['test/**/*.test.ts'], globalSetup: ['test/globalSetup.ts'] },
});
