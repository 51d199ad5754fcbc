// Prints the CHANGELOG.md section of a version (`node scripts/releaseNotes.mjs v1.2.3`), for the GitHub
// release; fails when the changelog has no section for it, so a release cannot go out undocumented.
import { readFileSync } from 'node:fs';

const version = (process.argv[2] || '').replace(/^v/, '');
const changelog = readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8');
const sections = changelog.split(/^## /m).slice(1);
const section = sections.find(
  (text) => text.startsWith(version + ' ') || text.startsWith('[' + version + ']') || text.startsWith(version + '\n'),
);
if (!version || !section) {
  console.error(`CHANGELOG.md has no "## ${version}" section`);
  process.exit(1);
}
console.log(section.slice(section.indexOf('\n') + 1).trim());
