import { describe, expect, it } from 'vitest';
import { createNormalizer } from '../../../lib/text/normalize';

const norm = createNormalizer();

/** The original slice that folded range [s, e) maps back to. */
function back(source: string, s: number, e: number): string {
  const f = norm.fold(source);
  const [a, b] = norm.toOriginal(f, s, e);
  return source.slice(a, b);
}

describe('fold', () => {
  it('leaves plain Simplified text alone and maps offsets 1:1', () => {
    const f = norm.fold('深入学习贯彻党的二十大精神。');
    expect(f.text).toBe('深入学习贯彻党的二十大精神。');
    expect(f.starts).toBeNull();
  });

  it('folds full-width ASCII, quote families and middle dots', () => {
    expect(norm.fold('ＡＢＣ１２３，').text).toBe('ABC123,');
    expect(norm.fold('“一带一路”「一带一路」『一带一路』‘一带一路’').text).toBe('"一带一路""一带一路""一带一路""一带一路"');
    expect(norm.fold('一二・九').text).toBe('一二·九');
  });

  it('drops spaces and line breaks so an expression split by them still reads as one', () => {
    const f = norm.fold('习近平 新时代\n中国　特色');
    expect(f.text).toBe('习近平新时代中国特色');
    // “新时代” (folded 3..6) maps back to exactly those characters, not the space before them.
    expect(back('习近平 新时代\n中国　特色', 3, 6)).toBe('新时代');
  });

  it('folds Traditional characters one to one', () => {
    const f = norm.fold('習近平新時代中國特色社會主義思想');
    expect(f.text).toBe('习近平新时代中国特色社会主义思想');
    expect(back('習近平新時代中國特色社會主義思想', 0, 3)).toBe('習近平');
  });

  it('keeps characters that Simplified text writes itself (乾, 瞭) and those a dictionary asks to keep', () => {
    expect(norm.fold('乾坤 瞭望').text).toBe('乾坤瞭望');
    expect(createNormalizer(['發']).fold('發展').text).toBe('發展');
    expect(norm.fold('發展').text).toBe('发展');
  });

  it('turns a surrogate pair into one unit whose range covers both code units', () => {
    const src = '𠮷习近平';
    const f = norm.fold(src);
    expect(f.text).toBe('\uFFFD习近平');
    expect(back(src, 1, 4)).toBe('习近平');
    expect(back(src, 0, 1)).toBe('𠮷');
  });

  it('attaches combining marks and zero-width characters to the character before them', () => {
    const src = 'A习\u0301近\u200B平B';
    const f = norm.fold(src);
    expect(f.text).toBe('A习近平B');
    // The highlight of 习近平 includes the mark after 习 and the zero-width space after 近, and stops before B.
    expect(back(src, 1, 4)).toBe('习\u0301近\u200B平');
    expect(back('习近平\u0301', 0, 3)).toBe('习近平\u0301');
  });

  it('replaces lone surrogates and survives an empty string', () => {
    expect(norm.fold('\uD800习').text).toBe('\uFFFD习');
    expect(norm.fold('').text).toBe('');
  });
});
