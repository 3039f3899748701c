/**
 * Inspection quarters ("2026Q4"): the unit the 通报 and the evidence bundle are organised by.
 * All functions use the local calendar of the Date handed in, since inspectors think in their own dates.
 */

/** A quarter split into its parts. */
export interface QuarterParts {
  year: number;
  /** 1–4 */
  q: number;
}

const CANONICAL = /^(\d{4})Q([1-4])$/;
const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };
const CHINESE_NAMES = ['一', '二', '三', '四'];

/** The quarter a date falls in, e.g. 2026-11-03 → "2026Q4". */
export function quarterOf(date: Date): string {
  return formatQuarter({ year: date.getFullYear(), q: Math.floor(date.getMonth() / 3) + 1 });
}

/** "2026Q4" from its parts. Throws on a part out of range, since that is a programming error. */
export function formatQuarter(parts: QuarterParts): string {
  if (!Number.isInteger(parts.year) || parts.year < 1000 || parts.year > 9999) {
    throw new RangeError(`年份无效：${parts.year}`);
  }
  if (!Number.isInteger(parts.q) || parts.q < 1 || parts.q > 4) throw new RangeError(`季度无效：${parts.q}`);
  return `${parts.year}Q${parts.q}`;
}

/** True for a canonical quarter id ("2026Q4"), the only form stored and put into bundles. */
export function isQuarter(value: string): boolean {
  return CANONICAL.test(value);
}

/**
 * Reads a quarter typed or imported by a person: "2026Q4", "2026q4", "2026-Q4", "2026 Q4",
 * "2026年第4季度", "2026年第四季度", "2026年四季度". Returns null when it is not a quarter.
 */
export function parseQuarter(value: string): QuarterParts | null {
  const text = value.trim();
  const latin = /^(\d{4})\s*[-_/ ]?\s*[Qq]\s*([1-4])$/.exec(text);
  if (latin) return { year: Number(latin[1]), q: Number(latin[2]) };
  const chinese = /^(\d{4})\s*年\s*第?\s*([1-4一二三四])\s*季度?$/.exec(text);
  if (chinese) {
    const q = chinese[2] as string;
    return { year: Number(chinese[1]), q: CHINESE_DIGITS[q] ?? Number(q) };
  }
  return null;
}

/** The canonical id of a quarter typed in any form `parseQuarter` accepts, or null. */
export function normalizeQuarter(value: string): string | null {
  const parts = parseQuarter(value);
  return parts ? formatQuarter(parts) : null;
}

function partsOf(quarter: string): QuarterParts {
  const parts = parseQuarter(quarter);
  if (!parts) throw new RangeError(`不是有效的季度：${quarter}`);
  return parts;
}

/** The quarter `count` quarters after (negative: before) the given one. */
export function shiftQuarter(quarter: string, count: number): string {
  const { year, q } = partsOf(quarter);
  const index = year * 4 + (q - 1) + count;
  return formatQuarter({ year: Math.floor(index / 4), q: (index % 4) + 1 });
}

/** "2026Q4" → "2027Q1". */
export function nextQuarter(quarter: string): string {
  return shiftQuarter(quarter, 1);
}

/** Negative when a is earlier than b, 0 when equal, positive when later. */
export function compareQuarters(a: string, b: string): number {
  const pa = partsOf(a);
  const pb = partsOf(b);
  return pa.year * 4 + pa.q - (pb.year * 4 + pb.q);
}

/** Display label: "2026Q4" → "2026年第四季度". */
export function quarterLabel(quarter: string): string {
  const { year, q } = partsOf(quarter);
  return `${year}年第${CHINESE_NAMES[q - 1]}季度`;
}

/**
 * Quarters for the 季度 selector, newest first: `ahead` future quarters, the current one, then `count - 1`
 * past ones. Quarters that already hold data (`extra`) are merged in so an old quarter stays selectable.
 */
export function recentQuarters(now: Date, count = 8, ahead = 1, extra: readonly string[] = []): string[] {
  const current = quarterOf(now);
  const list = new Set<string>();
  for (let i = ahead; i > -count; i--) list.add(shiftQuarter(current, i));
  for (const q of extra) {
    const normal = normalizeQuarter(q);
    if (normal) list.add(normal);
  }
  return [...list].sort((a, b) => compareQuarters(b, a));
}
