import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const metadata = readFileSync('gtm-template/metadata.yaml', 'utf8');

// What the Gallery reads from metadata.yaml. Which commit a version's sha names is a release step
// (the commit of the gallery repository that holds that template.tpl), not something a test of a
// working tree, or of a shallow clone, can know.
describe('gtm-template/metadata.yaml', () => {
  it('names a homepage and documentation', () => {
    expect(metadata).toMatch(/^homepage: "https:\/\/[^"]+"$/m);
    expect(metadata).toMatch(/^documentation: "https:\/\/[^"]+"$/m);
  });

  it('lists versions, each a full commit sha with change notes', () => {
    const lines = metadata.split('\n').filter((line) => /^ {2}- /.test(line));
    const versions = [...metadata.matchAll(/^ {2}- sha: ([0-9a-f]{40})\n {4}changeNotes: "(.+)"$/gm)];
    expect(versions.length).toBeGreaterThan(0);
    expect(versions).toHaveLength(lines.length);
  });
});
