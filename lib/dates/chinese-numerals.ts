/**
 * Chinese numerals as written in dates of official documents (二〇二六年十一月五日).
 * Only the small forms a date needs: digit-by-digit years and 1–31 with 十.
 */

const DIGITS: Record<string, number> = {
  '〇': 0, '○': 0, 'Ｏ': 0, 'O': 0, '零': 0,
  '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};

/** Character class of the digits above, for building regular expressions. */
export const CN_DIGIT_CLASS = '〇○ＯO零一二三四五六七八九';

/** A year written digit by digit (二〇二六 → 2026); undefined if any character is not a digit. */
export function parseCnYear(text: string): number | undefined {
  let value = 0;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d === undefined) return undefined;
    value = value * 10 + d;
  }
  return value;
}

/** 1–99 written with 十 (五, 十, 十一, 二十, 三十一); undefined for anything else. */
export function parseCnSmall(text: string): number | undefined {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return undefined;
  const [, tens, ten, units] = m;
  if (!ten) return tens && !units ? DIGITS[tens] : undefined;
  return (tens ? (DIGITS[tens] ?? 0) : 1) * 10 + (units ? (DIGITS[units] ?? 0) : 0);
}
