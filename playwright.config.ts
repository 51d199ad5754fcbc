import { defineConfig } from '@playwright/test';

/**
 * Playwright's own browser downloads are not available here: use the system
 * Chromium (Debian's `chromium` package), or the one CHROMIUM_PATH names.
 */
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Port of the playground server (npm start) that e2e/demo.spec.ts drives. */
export const DEMO_PORT = 8765;

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
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
});
