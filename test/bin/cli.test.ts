import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';

// The command line as a user runs it, on the built dist/ (npm test builds first).
const run = (...args: string[]) => spawnSync('node', ['bin/gtm-widget-bridge.mjs', ...args], { encoding: 'utf8' });
const configFile = (config: unknown) => {
  const file = join(mkdtempSync(join(tmpdir(), 'gwb-cli-')), 'config.json');
  writeFileSync(file, typeof config == 'string' ? config : JSON.stringify(config));
  return file;
};

describe('npx gtm-widget-bridge paste', () => {
  it('prints an ES5 tag with exactly the chosen vendors and options', () => {
    const result = run('paste', '--vendors', 'genesys', '--config', configFile({ eventPrefix: 'chat_', hashEmail: true }));
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const script = result.stdout.replace(/^<script>\n/, '').replace(/\n<\/script>\n$/, '');
    expect(() => parse(script, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    expect(script).toContain("vendors: ['genesys']");
    expect(script).toContain("eventPrefix: 'chat_'");
    expect(script).toContain('hashEmail: true');
    const parts = JSON.parse(readFileSync('dist/paste-parts.json', 'utf8')) as { core: string; plugins: Record<string, string> };
    expect(script).toContain(parts.core);
    expect(script).toContain(parts.plugins.genesys);
    for (const other of ['chili_piper', 'customerly', 'userlike', 'chili_piper_relay']) expect(script).not.toContain(parts.plugins[other]);
  });

  it('adds the relay client only when the relay option is set', () => {
    const parts = JSON.parse(readFileSync('dist/paste-parts.json', 'utf8')) as { plugins: Record<string, string> };
    const relay = { chiliPiper: { relay: { url: 'https://relay.example.com', analyticsConsent: false } } };
    expect(run('paste', '--vendors', 'chili_piper', '--config', configFile(relay)).stdout).toContain(parts.plugins.chili_piper_relay);
    expect(run('paste', '--vendors', 'chili_piper').stdout).not.toContain(parts.plugins.chili_piper_relay);
  });

  it('refuses an invalid configuration with the full messages and prints no tag', () => {
    const result = run(
      'paste',
      '--vendors',
      'chili_piper,olark',
      '--config',
      configFile({ eventPrefix: 'page_', chiliPiper: { origins: ['https://booking.example.com/'] }, colour: 'red' }),
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('config.vendors[1] = "olark" ignored: not one of chili_piper, customerly, userlike, genesys');
    expect(result.stderr).toContain('config.eventPrefix is invalid (expected a prefix making valid, non-reserved GA4 event names)');
    expect(result.stderr).toContain('"https://booking.example.com/" ignored: an origin has no path or trailing slash');
    expect(result.stderr).toContain('unknown config key "colour" ignored');
  });

  it('prints the GTM container for the same choice, with the tag or the template inside', () => {
    const config = configFile({ eventPrefix: 'chat_' });
    const tag = run('paste', '--vendors', 'chili_piper', '--config', config).stdout;
    const withTag = run('paste', '--vendors', 'chili_piper', '--config', config, '--container', 'paste');
    expect([withTag.status, withTag.stderr]).toEqual([0, '']);
    const version = JSON.parse(withTag.stdout).containerVersion;
    expect(version.tag[0].parameter.find((p: { key: string }) => p.key == 'html').value).toBe(tag);
    expect(JSON.stringify(version.trigger)).toContain('^(chat_(view|');
    expect(JSON.stringify(version.trigger)).toContain('"^(chili_piper)$"');
    const withTemplate = JSON.parse(run('paste', '--vendors', 'chili_piper', '--config', config, '--container', 'template').stdout);
    expect(withTemplate.containerVersion.customTemplate[0].templateData).toBe(readFileSync('gtm-template/template.tpl', 'utf8'));
    const refused = run('paste', '--vendors', 'olark', '--container', 'paste');
    expect([refused.status, refused.stdout]).toEqual([1, '']);
    expect(refused.stderr).toContain('no container printed');
    expect(run('paste', '--container', 'zip').status).toBe(2);
  });

  it('says how it is used, and what is wrong with a config file that is no JSON', () => {
    expect(run('tag').status).toBe(2);
    expect(run('tag').stderr).toMatch(/^usage: gtm-widget-bridge paste/);
    expect(run('paste', '--vendors').status).toBe(2);
    const broken = run('paste', '--config', configFile('{ eventPrefix: '));
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/cannot read .*config\.json as JSON/);
  });
});
