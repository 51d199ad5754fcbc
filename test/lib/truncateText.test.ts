import { describe, expect, it } from 'vitest';
import { truncateText } from '../../src/lib/truncateText';

describe('truncateText', () => {
  it('cuts to the limit, but never between the two halves of an emoji', () => {
    const text = 'a'.repeat(99) + '😀' + 'b';
    const cut = truncateText(text, 100);
    expect(cut).toBe('a'.repeat(99));
    expect(() => encodeURIComponent(cut)).not.toThrow();
    // Positive control: an emoji that fits whole stays.
    expect(truncateText('a'.repeat(98) + '😀' + 'b', 100)).toBe('a'.repeat(98) + '😀');
    expect(truncateText('short', 100)).toBe('short');
  });

  it('replaces lone surrogates the vendor sent, keeping pairs', () => {
    const lone = 'x\uD83Dy\uDE00z';
    expect(() => encodeURIComponent(lone)).toThrow();
    expect(truncateText(lone, 100)).toBe('x\uFFFDy\uFFFDz');
    expect(truncateText('ok 😀 ok', 100)).toBe('ok 😀 ok');
  });
});
