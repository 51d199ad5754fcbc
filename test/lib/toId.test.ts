import { describe, expect, it } from 'vitest';
import { toId } from '../../src/lib/toId';

describe('toId', () => {
  it('keeps vendor ids: uuids, hex, slugs, numeric strings and numbers', () => {
    for (const id of ['5a7c654a-1234-5678-9012-3456789abcde', 'chat-5521', 'sess_81c2', '4242', '20260115', 'ixn:7f3']) {
      expect(toId(id)).toBe(id);
    }
    expect(toId(123456789)).toBe('123456789');
  });

  it.each([
    ['jane@example.com'],
    ['jane.doe%40example.com'],
    ['JANE%40EXAMPLE.COM'],
    ['jane(at)example.com'],
    ['jane[at]example.com'],
    ['jane\uFF20example.com'],
    // Every at-sign look-alike Unicode has, and the other encodings of one.
    ['jane.doe\uFE6Bacme.com'],
    ['jane.doe\u{E0040}acme.com'],
    ['jane.doe%2540acme.com'],
    ['jane.doe&#64;acme.com'],
    ['jane.doe&#x40;acme.com'],
    ['jane.doe&commat;acme.com'],
    ['jane.doe\\u0040acme.com'],
    ['jane{at}acme.com'],
    ['callto:5550100'],
    // Phone numbers in other digits, or split by invisible characters.
    ['＋１５５５０１００１２３'],
    ['+١٥٥٥٠١٠٠١٢٣'],
    ['555\u200B010\u200B0123'],
    ['Jane\u200BDoe'],
    ['mailto:jane'],
    ['tel:+15550100'],
    ['+15550100123'],
    ['%2B15550100123'],
    ['0049301234567'],
    ['(030)1234567'],
    ['555-010-0123'],
    ['555.010.0123'],
    ['Jane Doe'],
    [' '],
    [''],
  ])('drops %j, which could be personal data', (value) => {
    expect(toId(value)).toBeUndefined();
  });

  it('drops what is not a string or a finite number', () => {
    for (const value of [NaN, Infinity, null, undefined, {}, [], true]) expect(toId(value)).toBeUndefined();
  });
});
