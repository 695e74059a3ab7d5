import fc from 'fast-check';
import { isBlankText, isWellFormedText, textLength } from '../src/text';
import { LIMITS } from '../src';
import { checkInput } from '../src/validation';

describe('what counts as text', () => {
  it('counts code points, so an emoji is one character', () => {
    expect(textLength('a😀b')).toBe(3);
    expect(textLength('😀'.repeat(LIMITS.inputMaxLength))).toBe(LIMITS.inputMaxLength);
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => textLength(s) === [...s].length));
  });

  it('accepts exactly the limit in emoji, refuses one more by its code-point count', () => {
    expect(checkInput('😀'.repeat(LIMITS.inputMaxLength))).toBeUndefined();
    const over = checkInput('😀'.repeat(LIMITS.inputMaxLength + 1));
    expect(over?.code).toBe('input_too_long');
    expect(over?.message).toContain((LIMITS.inputMaxLength + 1).toLocaleString('en-US'));
  });

  it('treats NUL, zero-width and whitespace-only texts as empty', () => {
    for (const blank of ['', ' \n\t', '\u0000', '\u0000\u0000 ', '\u200b\ufeff'])
      expect(isBlankText(blank)).toBe(true);
    expect(checkInput('\u0000')?.code).toBe('input_empty');
    expect(isBlankText('a\u0000')).toBe(false);
  });

  it('refuses a lone surrogate, the half of an emoji a substring leaves', () => {
    const cut = '😀'.slice(0, 1);
    expect(isWellFormedText(cut)).toBe(false);
    expect(isWellFormedText('ok 😀')).toBe(true);
    expect(checkInput(`Hello ${cut}`)?.code).toBe('input_malformed');
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => isWellFormedText(s)));
  });
});
