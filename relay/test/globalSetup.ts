// Builds dist/node.mjs and dist/worker.mjs once before the tests that run them (the crash test's relay
// process, the Worker in miniflare).
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['build.mjs'], { stdio: 'inherit' });
}
