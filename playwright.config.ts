import { defineConfig } from '@playwright/test';

/**
 * Playwright's own browser downloads are not available here: use the system
 * Chromium (Debian's `chromium` package), or the one CHROMIUM_PATH names.
 */
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export default defineConfig({
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
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--disable-component-update', '--no-first-run', '--disable-sync'],
    },
  },
});
