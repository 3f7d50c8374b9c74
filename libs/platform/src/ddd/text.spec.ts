import { isBlankText, trimText } from './text.js';

/** Texts that show nothing; String#trim removes only the whitespace and BOM among them, never U+0085 or a zero-width character. */
const BLANK = {
  'next line (U+0085)': '\u0085',
  'line and paragraph separators': '\u2028\u2029',
  'ideographic and no-break spaces': '\u3000\u00A0\u202F',
  'zero-width space, non-joiner, joiner, word joiner': '\u200B\u200C\u200D\u2060',
  'byte order mark': '\uFEFF',
  'bidi marks and isolates': '\u200E\u200F\u202A\u202E\u2066\u2069',
  'soft hyphen and combining grapheme joiner': '\u00AD\u034F',
  'Hangul fillers': '\u3164\u115F\uFFA0',
  'variation selector alone': '\uFE0F',
  'control characters': '\u0001\u007F',
  'blank Braille pattern': '\u2800',
  'a tag character': '\u{E0020}',
  'all of them with ordinary whitespace': ' \t\n\r\u0085\u2028\u2029\u200B\uFEFF\u3000 ',
};

describe('the one blank-text rule', () => {
  it.each(Object.entries(BLANK))('is blank: %s', (_name, text) => {
    expect(isBlankText(text)).toBe(true);
  });

  it('decides what String#trim misses', () => {
    for (const text of ['\u0085', '\u200B', '\u2060\u200D', '\u00AD']) {
      expect(text.trim()).not.toBe('');
      expect(isBlankText(text)).toBe(true);
    }
  });

  it('is not blank when anything visible remains, emoji and joined sequences included', () => {
    for (const text of ['a', '\u200Ba', '❤️', '👩‍🚀', '\u0085.', 'ـ', '\u0301x']) expect(isBlankText(text)).toBe(false);
    expect(isBlankText('')).toBe(true);
  });

  it('trims Unicode whitespace and zero-width spaces at the ends, never an emoji’s selector or joiner', () => {
    expect(trimText('\u0085\u2028 hi \u2029\u200B\uFEFF')).toBe('hi');
    expect(trimText(' ❤️ ')).toBe('❤️');
    expect(trimText('👩‍🚀\u3000')).toBe('👩‍🚀');
    expect(trimText('a\u0085b')).toBe('a\u0085b');
  });
});
