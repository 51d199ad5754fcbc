// First-run set-up for `npm start` and `npm test` (their pre-scripts), Node built-ins only, so it runs on a
// fresh clone before any dependency is installed:
// - installs the locked dependencies (`npm ci`) when node_modules is missing or older than package-lock.json;
// - with --browser, makes sure Playwright has a Chromium: CHROMIUM_PATH, or Debian's `chromium` at
//   /usr/bin/chromium, installed with apt-get where this machine allows it; otherwise says how and fails.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { CHROMIUM_PATH } from './chromium.mjs';

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });
const has = (command) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const installed = 'node_modules/.package-lock.json';
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync('package-lock.json').mtimeMs) {
  console.log('[setup] installing the locked dependencies (npm ci)…');
  // npm checks every package's engines at install; the relay workspace and miniflare declare Node 22.5 / 22.
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major == 22 && minor < 5))
    console.log(
      `[setup] Node ${process.versions.node}: npm warns EBADENGINE for the relay workspace and miniflare, which need Node 22.5;` +
        ' the scripts run the Node 22 this install brings (README, "Which Node runs what").',
    );
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

if (process.argv.includes('--browser')) {
  if (!existsSync(CHROMIUM_PATH)) {
    const root = typeof process.getuid == 'function' && process.getuid() === 0;
    const sudo =
      !root &&
      has('sudo') &&
      (() => {
        try {
          execFileSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
          return true;
        } catch {
          return false;
        }
      })();
    if (!process.env.CHROMIUM_PATH && has('apt-get') && (root || sudo)) {
      console.log("[setup] installing Debian's chromium for the end-to-end tests (apt-get)…");
      const prefix = root ? [] : ['sudo', '-n'];
      const env = 'DEBIAN_FRONTEND=noninteractive';
      run('sh', [
        '-c',
        `${prefix.join(' ')} env ${env} apt-get update -qq && ${prefix.join(' ')} env ${env} apt-get install -y -qq chromium`,
      ]);
    } else {
      console.error(
        `[setup] The end-to-end tests need a Chromium and none is at ${CHROMIUM_PATH}.\n` +
          "  Debian/Ubuntu: sudo apt-get install chromium   (Ubuntu's snap also works: CHROMIUM_PATH=/snap/bin/chromium)\n" +
          '  Elsewhere: point CHROMIUM_PATH at a Chromium or Chrome binary, e.g.\n' +
          '    CHROMIUM_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" npm test',
      );
      process.exit(1);
    }
  }
}
