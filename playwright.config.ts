import { defineConfig } from '@playwright/test';
// The system Chromium (no browser downloads here) and its launch options, shared with the benchmarks.
import { CHROMIUM_LAUNCH } from './scripts/chromium.mjs';

/**
 * Port of the playground server (npm start) that e2e/demo.spec.ts drives; the simulated vendor origin is the
 * next port. `DEMO_PORT=…` moves both, so two checkouts can run their browser tests side by side.
 */
export const DEMO_PORT = Number(process.env.DEMO_PORT) || 8765;

export default defineConfig({
  webServer: {
    command: 'node demo/serve.mjs',
    env: { PORT: String(DEMO_PORT) },
    url: `http://127.0.0.1:${DEMO_PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
  testDir: 'e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: CHROMIUM_LAUNCH,
  },
});
