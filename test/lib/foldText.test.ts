import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/lib/foldText';

describe('foldText', () => {
  it('folds every at-sign Unicode has into @', () => {
    // COMMERCIAL AT, FULLWIDTH, SMALL and TAG COMMERCIAL AT: all characters whose Unicode name is a commercial at.
    for (const at of ['@', '\uFF20', '\uFE6B', '\u{E0040}']) expect(foldText(`jane.doe${at}acme.com`)).toBe('jane.doe@acme.com');
  });

  it('folds fullwidth, styled and other-script digits into digits, and invisible characters into spaces', () => {
    expect(foldText('＋４９ ３０ １２３４５６７')).toBe('+49 30 1234567');
    expect(foldText('𝟓𝟓𝟓𝟎𝟏𝟎𝟎')).toBe('5550100');
    expect(foldText('٠١٢٣٤٥٦٧')).toBe('00000000'); // Arabic-Indic
    expect(foldText('०१२३')).toBe('0000'); // Devanagari
    expect(foldText('555\u200B0100')).toBe('555 0100');
  });

  it('leaves plain ids and text as they are', () => {
    for (const text of ['5a7c654a-1234', 'chat_5521', 'Pricing and plans', 'ixn:7f3', '']) expect(foldText(text)).toBe(text);
  });
});
