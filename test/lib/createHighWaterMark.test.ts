import { describe, expect, it } from 'vitest';
import { createHighWaterMark } from '../../src/lib/createHighWaterMark';

describe('createHighWaterMark', () => {
  it('answers the highest value recorded before for the key, -1 for a new key, and never lowers it', () => {
    const highest = createHighWaterMark(10);
    expect(highest('a', 1)).toBe(-1);
    expect(highest('a', 3)).toBe(1);
    expect(highest('a', 2)).toBe(3); // lower: recorded nothing
    expect(highest('a', 0)).toBe(3);
    expect(highest('b', 0)).toBe(-1); // keys are independent
    expect(highest('b', 4)).toBe(0);
  });

  it('remembers at most `limit` keys, oldest forgotten first', () => {
    const highest = createHighWaterMark(3);
    for (const key of ['a', 'b', 'c', 'd']) expect(highest(key, 2)).toBe(-1);
    expect(highest('d', 0)).toBe(2);
    expect(highest('b', 0)).toBe(2);
    expect(highest('a', 0)).toBe(-1); // forgotten: only the last 3 were kept
  });

  it('keeps memory bounded over many distinct keys', () => {
    const highest = createHighWaterMark(128);
    for (let i = 0; i < 100_000; i++) highest('key' + i, 1);
    expect(highest('key99999', 0)).toBe(1);
    expect(highest('key0', 0)).toBe(-1);
  });
});
