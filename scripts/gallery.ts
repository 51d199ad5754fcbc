/**
 * `npm run gallery` builds dist/gallery/, the folder to push as the
 * repository the Community Template Gallery reads: template.tpl,
 * metadata.yaml and LICENSE at its root (the Gallery's reference names an
 * owner and a repository, no path), and a README.
 * https://developers.google.com/tag-platform/tag-manager/templates/gallery
 *
 * `npm run gallery -- --release <sha> "<change notes>"` records a release: it
 * puts the gallery repository's commit that holds the new template.tpl at the
 * top of gtm-template/metadata.yaml (newest first) and rebuilds the folder.
 * The steps around it are in docs/releasing.md.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderTemplate } from './render/gtmTemplate';

export const METADATA = 'gtm-template/metadata.yaml';
/** The files the folder holds, and where each comes from. */
export const GALLERY_FILES: Record<string, string> = {
  'template.tpl': 'gtm-template/template.tpl',
  'metadata.yaml': METADATA,
  LICENSE: 'LICENSE',
  'README.md': 'gtm-template/README.md',
};

/** The versions metadata.yaml lists, newest first. */
export function releasedVersions(metadata: string): { sha: string; changeNotes: string }[] {
  return [...metadata.matchAll(/^ {2}- sha: ([0-9a-f]{40})\n {4}changeNotes: "(.*)"$/gm)].map(([, sha, changeNotes]) => ({
    sha,
    changeNotes,
  }));
}

/** metadata.yaml with a release added on top. */
export function addRelease(metadata: string, sha: string, changeNotes: string): string {
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error(`a release names a full commit sha of the gallery repository, not "${sha}"`);
  if (!changeNotes.trim() || changeNotes.includes('"')) throw new Error('change notes: one line, without double quotes');
  if (releasedVersions(metadata).some((version) => version.sha == sha)) throw new Error(`${sha} is already listed`);
  const entry = `  - sha: ${sha}\n    changeNotes: "${changeNotes.trim()}"`;
  return metadata
    .replace(/^versions:.*$/m, 'versions:')
    .replace(/^versions:\n((?: *#.*\n)*)/m, (_match, comments) => `versions:\n${comments}${entry}\n`);
}

/** Writes the gallery folder; fails when template.tpl is not the generated one. */
export function buildGallery(out: string): string[] {
  if (readFileSync(GALLERY_FILES['template.tpl'], 'utf8') != renderTemplate())
    throw new Error('gtm-template/template.tpl is stale: run `npm run generate`');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const [name, source] of Object.entries(GALLERY_FILES)) copyFileSync(source, join(out, name));
  return Object.keys(GALLERY_FILES);
}

export function main(args: string[]): number {
  const release = args.indexOf('--release');
  if (release >= 0) {
    const [sha, notes] = args.slice(release + 1);
    writeFileSync(METADATA, addRelease(readFileSync(METADATA, 'utf8'), sha || '', notes || ''));
    console.log(`${METADATA}: added ${sha}`);
  }
  const out = 'dist/gallery';
  const files = buildGallery(out);
  console.log(`${out}/: ${files.join(', ')}`);
  if (!releasedVersions(readFileSync(METADATA, 'utf8')).length) {
    console.log('metadata.yaml lists no release yet: commit this folder to the gallery repository, then run');
    console.log('  npm run gallery -- --release <that commit sha> "<change notes>"   (see docs/releasing.md)');
  }
  return 0;
}
