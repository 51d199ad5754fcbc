// @vitest-environment node
/**
 * The settings as an operator writes them: the shipped placeholders are refused at start with a line
 * that says what to put instead; every problem names its variable and never shows a secret.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRelayConfig } from '../src/config';

const SECRET = 'secret-value-never-printed';
const GOOD = {
  GA4_MEASUREMENT_ID: 'G-TEST123456',
  GA4_API_SECRET: SECRET,
  RELAY_TOKEN_KEYS: 'k1:' + Buffer.alloc(32, 1).toString('base64url'),
  RELAY_ALLOWED_ORIGINS: 'https://www.acme-shop.test',
  RELAY_PUBLIC_URL: 'http://127.0.0.1:8787',
};
/** relay/.env.example as `npm run relay` would read it (comments and blanks skipped). */
const example = Object.fromEntries(
  readFileSync('.env.example', 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z0-9_]+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);

describe('relay settings', () => {
  it('a complete configuration starts (control)', () => {
    expect(readRelayConfig(GOOD)).toHaveProperty('config');
  });

  it('.env.example as shipped is refused, one line per placeholder, each naming its variable', () => {
    const read = readRelayConfig(example);
    expect('problems' in read && read.problems).toEqual([
      expect.stringMatching(/^GA4_MEASUREMENT_ID is the placeholder G-XXXXXXXXXX/),
      'GA4_API_SECRET is required',
      'RELAY_TOKEN_KEYS is required',
      expect.stringMatching(/^RELAY_ALLOWED_ORIGINS: https:\/\/www\.example\.com is a placeholder/),
      expect.stringMatching(/^RELAY_PUBLIC_URL: https:\/\/relay\.example\.com is a placeholder/),
    ]);
  });

  it('each placeholder alone is refused; no problem line shows the secret', () => {
    for (const [name, value] of [
      ['GA4_MEASUREMENT_ID', 'G-XXXXXXXXXX'],
      ['RELAY_ALLOWED_ORIGINS', 'https://example.org'],
      ['RELAY_PUBLIC_URL', 'https://relay.example.net/'],
      ['GA4_MEASUREMENT_ID', 'UA-12345-1'],
      ['RELAY_TOKEN_KEYS', 'k1:short'],
      ['RELAY_SESSION_TIMEOUT_MINUTES', '0'],
    ]) {
      const read = readRelayConfig({ ...GOOD, [name]: value });
      expect('problems' in read && read.problems, name + '=' + value).toEqual([expect.stringContaining(name)]);
      expect(JSON.stringify(read)).not.toContain(SECRET);
    }
  });
});
