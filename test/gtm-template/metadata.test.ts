import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const metadata = readFileSync('gtm-template/metadata.yaml', 'utf8');

describe('gtm-template/metadata.yaml', () => {
  it('names a homepage and documentation', () => {
    expect(metadata).toMatch(/^homepage: "https:\/\/[^"]+"$/m);
    expect(metadata).toMatch(/^documentation: "https:\/\/[^"]+"$/m);
  });

  it('lists versions newest first, each a commit with change notes', () => {
    const versions = [...metadata.matchAll(/^ {2}- sha: ([0-9a-f]{40})\n {4}changeNotes: "(.+)"$/gm)];
    expect(versions.length).toBeGreaterThan(0);
    const times = versions.map(([, sha]) => Number(execFileSync('git', ['show', '-s', '--format=%ct', sha], { encoding: 'utf8' })));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('points its newest version at a commit whose template.tpl is the current one (update it after changing the template)', () => {
    const [, sha] = metadata.match(/^ {2}- sha: ([0-9a-f]{40})$/m)!;
    const atSha = execFileSync('git', ['show', `${sha}:gtm-template/template.tpl`], { encoding: 'utf8' });
    expect(atSha).toBe(readFileSync('gtm-template/template.tpl', 'utf8'));
  });
});
