import { describe, expect, it } from 'vitest';
import { isEmailAddress } from '../../src/lib/isEmailAddress';

describe('isEmailAddress', () => {
  it('accepts addresses', () => {
    for (const value of ['jane@example.com', 'jane.doe+x@mail.example.co.uk']) expect(isEmailAddress(value)).toBe(true);
  });

  it('refuses blanks and non-addresses, so they are never hashed', () => {
    for (const value of [
      '',
      ' ',
      'jane',
      'jane@',
      '@example.com',
      'jane@localhost',
      'jane doe@example.com',
      'a@b@c.com',
      'jane@example.',
    ]) {
      expect(isEmailAddress(value)).toBe(false);
    }
  });
});
