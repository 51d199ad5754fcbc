import { describe, expect, it } from 'vitest';
import { looksPersonal } from '../../src/lib/looksPersonal';

describe('looksPersonal', () => {
  it.each([
    ['Write to sales@acme.test'],
    ['sales(at)acme.test'],
    ['sales%40acme.test'],
    ['Call +49 30 1234567'],
    ['Ring (030) 123-4567'],
    ['555.010.0123 is our hotline'],
    ['Order 1234567'],
    ['tel:0301234567'],
    ['Write to sales\uFE6Bacme.test'],
    ['Write to sales\u{E0040}acme.test'],
    ['sales&#64;acme.test'],
    ['sales [ at ] acme.test'],
    ['Call ＋４９ ３０ １２３４５６７'],
    ['Call ٠٣٠١٢٣٤٥٦٧'],
    ['Call 030\u200B1234\u200B567'],
  ])('finds contact data in %j', (text) => {
    expect(looksPersonal(text)).toBe(true);
  });

  it.each([['Pricing and plans'], ['Pricing 2026'], ['Top 10 questions, 3 answers'], ['v1.2.3 release notes'], ['']])(
    'leaves %j alone',
    (text) => {
      expect(looksPersonal(text)).toBe(false);
    },
  );
});
