// The Chromium every browser run uses (Playwright's tests, the benchmarks, the set-up check): Playwright
// cannot download browsers here, so the system Chromium (Debian's `chromium`), or the binary CHROMIUM_PATH
// names. Node built-ins only: the set-up imports it before dependencies are installed.

/** @type {string} */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Launch options: headless in containers, and none of Chromium's own network traffic. */
export const CHROMIUM_LAUNCH = {
  executablePath: CHROMIUM_PATH,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-quic',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
};
