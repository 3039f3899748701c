/**
 * 发文字号 (文号) such as 青政发〔2026〕3号: finding them in text, writing them one way, comparing them.
 * Sites write the year brackets as 〔〕, [], 【】, ()，（）or ［］ and the digits full- or half-width, so a 文号
 * copied into an interpretation rarely matches the policy's character for character.
 */

/** A 文号 split into its parts; `text` is the normalised form with 〔〕 and ASCII digits. */
export interface DocNumber {
  /** Issuer abbreviation as found (青政发); may carry a stray leading word, compare with `sameDocNumber`. */
  prefix: string;
  /** Four-digit year, or '' for 政府令 numbers (…令第5号) that carry none. */
  year: string;
  /** Serial number without leading zeros. */
  num: string;
  text: string;
}

const OPEN = '〔\\[【(（［﹝';
const CLOSE = '〕\\]】)）］﹞';
// The issuer abbreviation is 1–10 Han characters; words such as 根据 that precede it are trimmed below.
const WITH_YEAR = new RegExp(
  `([\\u4e00-\\u9fff]{1,10})\\s*[${OPEN}]\\s*((?:19|20)\\d{2})\\s*[${CLOSE}]\\s*(?:第\\s*)?(\\d{1,5})\\s*号`,
  'g',
);
const ORDER = /([\u4e00-\u9fff]{2,16}令)\s*(?:[(（]?\s*)?第\s*(\d{1,5})\s*号/g;
const LEADING_FILLER = /^.*(?:根据|依据|按照|参照|对照|文号|字号|印发|转发|的)/;

/** Full-width digits and spaces to ASCII, so one pattern covers both widths. */
function halfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

function cleanPrefix(raw: string): string {
  const trimmed = raw.replace(LEADING_FILLER, '');
  return trimmed || raw;
}

function make(prefix: string, year: string, num: string): DocNumber {
  const n = String(Number(num));
  const p = cleanPrefix(prefix);
  return { prefix: p, year, num: n, text: year ? `${p}〔${year}〕${n}号` : `${p}第${n}号` };
}

/** Every 文号 in the text, in order, each normalised; duplicates removed. */
export function findDocNumbers(text: string): DocNumber[] {
  const src = halfWidthDigits(text);
  const found: DocNumber[] = [];
  const add = (d: DocNumber) => {
    if (!found.some((f) => sameDocNumber(f, d))) found.push(d);
  };
  for (const m of src.matchAll(WITH_YEAR)) add(make(m[1] ?? '', m[2] ?? '', m[3] ?? ''));
  for (const m of src.matchAll(ORDER)) add(make(m[1] ?? '', '', m[2] ?? ''));
  return found;
}

/**
 * Same year and serial, and one issuer abbreviation ends the other (“根据青政发” vs “青政发”);
 * different issuers (国发 vs 青政发) never match.
 */
export function sameDocNumber(a: DocNumber, b: DocNumber): boolean {
  if (a.year !== b.year || a.num !== b.num) return false;
  return a.prefix.endsWith(b.prefix) || b.prefix.endsWith(a.prefix);
}
