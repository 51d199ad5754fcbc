// @vitest-environment node
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm start` and `npm run relay` run a server under npm. npm passes SIGINT and SIGTERM on to the script's
// shell (https://docs.npmjs.com/cli/v11/using-npm/scripts#signal-handling); the scripts `exec` their server,
// so the signal reaches it and nothing is left running when npm is stopped. Checked with the repository's own
// script lines in a scratch package whose build steps do nothing and whose servers are plain listeners, so
// the test neither rebuilds dist/ under the other tests nor needs the relay's keys.
const scripts = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { scripts: Record<string, string> }).scripts;
// The script lines themselves; their pre-scripts (first-run set-up) start no server.
const ROOT = { start: scripts('package.json').start, relay: scripts('package.json').relay };
const RELAY = { start: scripts('relay/package.json').start };

/** A plain server that writes its pid, listening on PORT. */
const SERVER = `import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
writeFileSync(process.env.PID_FILE, String(process.pid));
createServer((request, response) => response.end('up')).listen(Number(process.env.PORT), '127.0.0.1');
`;

/** A scratch package with these script lines, no-op builds and plain servers where the real ones would run. */
function scratchPackage(root: Record<string, string>, relay: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gwb-signals-'));
  mkdirSync(join(dir, 'demo'));
  mkdirSync(join(dir, 'relay/dist'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'scratch', private: true, workspaces: ['relay'], scripts: root }));
  writeFileSync(join(dir, 'relay/package.json'), JSON.stringify({ name: 'scratch-relay', private: true, scripts: relay }));
  for (const build of ['build.mjs', 'relay/build.mjs']) writeFileSync(join(dir, build), '');
  for (const server of ['demo/serve.mjs', 'relay/dist/node.mjs']) writeFileSync(join(dir, server), SERVER);
  return dir;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
const answers = (port: number) =>
  fetch(`http://127.0.0.1:${port}/`).then(
    (response) => response.ok,
    () => false,
  );
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const until = async (condition: () => Promise<boolean> | boolean, ms = 15_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((resolve) => setTimeout(resolve, 50)))
    if (await condition()) return true;
  return false;
};
const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));

/** Runs `npm run <script>` in the scratch package, signals npm once the server answers, and says what is left. */
async function stopNpm(dir: string, script: string, signal: NodeJS.Signals) {
  const port = await freePort();
  const pidFile = join(dir, 'server.pid');
  // No .env in the scratch package, so relay's PORT comes from the environment as the stub reads it.
  const npm = spawn('npm', ['run', script, '--silent'], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), PID_FILE: pidFile },
    stdio: 'ignore',
  });
  expect(await until(() => answers(port)), 'the server started').toBe(true);
  const server = Number(readFileSync(pidFile, 'utf8'));
  npm.kill(signal);
  await exited(npm);
  await until(() => !alive(server), 3_000);
  return { server, running: alive(server), answering: await answers(port) };
}

describe('the servers npm starts stop when npm is signalled', () => {
  for (const [script, signal] of [
    ['start', 'SIGTERM'],
    ['start', 'SIGINT'],
    ['relay', 'SIGTERM'],
    ['relay', 'SIGINT'],
  ] as const) {
    it(`npm run ${script}, ${signal}`, async () => {
      const left = await stopNpm(scratchPackage(ROOT, RELAY), script, signal);
      expect(left).toEqual({ server: left.server, running: false, answering: false });
    }, 30_000);
  }

  it('a script that does not exec its server leaves it running (positive control)', async () => {
    const withoutExec = (lines: Record<string, string>) =>
      Object.fromEntries(Object.entries(lines).map(([name, line]) => [name, line.replace(/\bexec /g, '')]));
    const left = await stopNpm(scratchPackage(withoutExec(ROOT), withoutExec(RELAY)), 'start', 'SIGTERM');
    try {
      expect(left.running).toBe(true);
      expect(left.answering).toBe(true);
    } finally {
      process.kill(left.server, 'SIGKILL');
    }
  }, 30_000);
});
