/**
 * 网站标识码 (indicators.md §c.1): 10 digits for local sites (6-digit division code + 4-digit sequence, the first two
 * digits a province code) or “bm” + 8 digits for 国务院部门 sites.
 */

/** First two digits of GB/T 2260 province-level codes. */
const PROVINCE_PREFIXES: ReadonlySet<string> = new Set(
  [[11, 15], [21, 23], [31, 37], [41, 46], [50, 54], [61, 65]].flatMap(([from, to]) =>
    Array.from({ length: (to as number) - (from as number) + 1 }, (_, i) => String((from as number) + i)),
  ),
);

export interface SiteCodeResult {
  /** The code as stored: trimmed, “bm” lower-case; '' when empty. */
  code: string;
  /** Chinese reason when the code is malformed. */
  error?: string;
}

/** Validates a 网站标识码 typed or imported; an empty value is valid (the code is optional). */
export function checkSiteCode(raw: string): SiteCodeResult {
  const text = raw.replace(/[\s\u200b\ufeff]/g, '');
  if (text === '') return { code: '' };
  const dept = /^bm(\d{8})$/i.exec(text);
  if (dept) return { code: `bm${dept[1]}` };
  if (/^\d+$/.test(text)) {
    if (text.length !== 10) return { code: text, error: `网站标识码“${text}”应为10位数字（当前${text.length}位）` };
    if (!PROVINCE_PREFIXES.has(text.slice(0, 2))) {
      return { code: text, error: `网站标识码“${text}”的前两位不是有效的省级行政区划代码` };
    }
    return { code: text };
  }
  if (/^bm/i.test(text)) return { code: text, error: `网站标识码“${text}”应为 bm 加8位数字` };
  return { code: text, error: `网站标识码“${text}”格式不正确，应为10位数字或 bm 加8位数字` };
}

/** True for a well-formed code. */
export function isValidSiteCode(raw: string): boolean {
  const result = checkSiteCode(raw);
  return result.code !== '' && result.error === undefined;
}
