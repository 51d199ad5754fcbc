import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addRelease, buildGallery, METADATA, releasedVersions } from '../../scripts/gallery';
import { renderTemplate } from '../../scripts/render/gtmTemplate';

// sha256 of the Apache License 2.0 text as published at https://www.apache.org/licenses/LICENSE-2.0.txt
const CANONICAL_APACHE_2 = 'cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30';
const SHA = 'a'.repeat(40);

describe('npm run gallery', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'gallery-')), 'repo');
  const files = buildGallery(out);

  it('builds the repository the Gallery reads: template.tpl, metadata.yaml and LICENSE at its root, and a README', () => {
    expect(readdirSync(out).sort()).toEqual(['LICENSE', 'README.md', 'metadata.yaml', 'template.tpl']);
    expect(files.sort()).toEqual(readdirSync(out).sort());
    expect(readFileSync(join(out, 'template.tpl'), 'utf8')).toBe(renderTemplate());
    expect(readFileSync(join(out, 'metadata.yaml'), 'utf8')).toBe(readFileSync(METADATA, 'utf8'));
  });

  it('ships the canonical Apache-2.0 LICENSE, LF line endings, appendix included', () => {
    const license = readFileSync(join(out, 'LICENSE'));
    expect(createHash('sha256').update(license).digest('hex')).toBe(CANONICAL_APACHE_2);
    expect(license.includes('\r')).toBe(false);
    expect(license.toString()).toContain('APPENDIX: How to apply the Apache License to your work.');
  });

  it('has a README that stands alone (no links into this repository) and says the CDN 404s before publishing', () => {
    const readme = readFileSync(join(out, 'README.md'), 'utf8');
    expect(readme).not.toMatch(/\]\((?!https:)/);
    expect(readme).toMatch(/404/);
    expect(readme).toMatch(/Custom HTML paste/);
  });
});

describe('gtm-template/metadata.yaml', () => {
  const metadata = readFileSync(METADATA, 'utf8');

  it('names a homepage and documentation, and lists versions as full commit shas with change notes', () => {
    expect(metadata).toMatch(/^homepage: "https:\/\/[^"]+"$/m);
    expect(metadata).toMatch(/^documentation: "https:\/\/[^"]+"$/m);
    expect(metadata).toMatch(/^versions:$/m);
    const items = metadata.split('\n').filter((line) => /^ {2}- /.test(line));
    expect(releasedVersions(metadata)).toHaveLength(items.length);
  });

  it('a release goes on top, newest first; bad shas, notes and repeats are refused', () => {
    const once = addRelease(metadata, SHA, 'First release');
    expect(releasedVersions(once)[0]).toEqual({ sha: SHA, changeNotes: 'First release' });
    const twice = addRelease(once, 'b'.repeat(40), 'Second');
    expect(releasedVersions(twice).map((version) => version.sha)).toEqual(['b'.repeat(40), SHA]);
    expect(twice).toMatch(/^homepage: /m);
    expect(() => addRelease(once, SHA, 'again')).toThrow(/already listed/);
    expect(() => addRelease(metadata, 'abc123', 'short sha')).toThrow(/full commit sha/);
    expect(() => addRelease(metadata, SHA, 'say "hi"')).toThrow(/double quotes/);
  });
});
