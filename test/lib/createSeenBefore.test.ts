import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSeenBefore } from '../../src/lib/createSeenBefore';

afterEach(() => vi.useRealTimers());

describe('createSeenBefore', () => {
  it('answers true for a key seen within the window, false after it', () => {
    vi.useFakeTimers();
    const seen = createSeenBefore(10, 1000);
    expect(seen('a')).toBe(false);
    expect(seen('a')).toBe(true);
    expect(seen('b')).toBe(false);
    vi.advanceTimersByTime(1001);
    expect(seen('a')).toBe(false);
    expect(seen('a')).toBe(true);
  });

  it('remembers at most `limit` keys, oldest forgotten first', () => {
    const seen = createSeenBefore(3, Infinity);
    for (const key of ['a', 'b', 'c', 'd']) expect(seen(key)).toBe(false);
    expect(seen('d')).toBe(true);
    expect(seen('b')).toBe(true);
    expect(seen('a')).toBe(false); // forgotten: only the last 3 were kept
  });

  it('keeps memory bounded over many distinct keys', () => {
    const seen = createSeenBefore(32, Infinity);
    for (let i = 0; i < 100_000; i++) seen('key' + i);
    expect(seen('key99999')).toBe(true);
    expect(seen('key0')).toBe(false);
  });
});
