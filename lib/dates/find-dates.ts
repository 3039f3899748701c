/**
 * Finds dates in text: 2026-11-05, 2026/11/05, 2026.11.05, 2026年11月5日, 二〇二六年十一月五日, and — when asked —
 * month-day forms ([11-05], 11-05, 11月5日) whose year comes from the caller (a year heading above a list).
 * Offsets are UTF-16 code units into the text as given. Impossible dates (2月30日, month 13, year 0000 or 2106)
 * are returned too, marked invalid, because finding them is the point of the date-anomaly check.
 */
import { dateProblem } from './calendar';
import { CN_DIGIT_CLASS, parseCnSmall, parseCnYear } from './chinese-numerals';

/** How the date was written. */
export type DateForm = 'numeric' | 'chinese' | 'chinese-numerals' | 'month-day';

export interface FoundDate {
  start: number;
  end: number;
  /** The date exactly as written. */
  text: string;
  /** Undefined for a month-day form when the caller gave no year. */
  year: number | undefined;
  month: number;
  day: number;
  form: DateForm;
  /** True when the year was not written but taken from `FindDatesOptions.year`. */
  yearFromContext: boolean;
  valid: boolean;
  /** Why an invalid date is impossible. */
  problem?: 'year' | 'month' | 'day';
}

export interface FindDatesOptions {
  /** Also return month-day forms (11-05, [11-05], 11月5日). */
  monthDay?: boolean;
  /** The year month-day forms belong to (from a year heading or the page's own date). */
  year?: number;
}

/** A year written alone (“2106年”, “2026年度”), not as part of a full date. */
export interface FoundYear {
  start: number;
  end: number;
  text: string;
  year: number;
}

/**
 * Full-width digits and date separators map one-to-one onto ASCII, so offsets found in the normalised copy
 * are offsets into the original text.
 */
function toHalfWidth(text: string): string {
  return text.replace(/[０-９－／．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

// Four-digit years start with 1 or 2 (0000 is kept: it is a classic CMS default). A number glued to other
// digits or to a digit-separator run (1.2.2026.11.05, phone numbers, version strings) is not a date.
const NUMERIC = /(?<!\d|\d[-/.])([12]\d{3}|0000)([-/.])(\d{1,2})\2(\d{1,2})(?!\d|[-/.]\d)/g;
const CHINESE = /(?<!\d)([12]\d{3}|0000)[ \t]*年[ \t]*(\d{1,2})[ \t]*月[ \t]*(\d{1,2})[ \t]*[日号]/g;
const CN_NUMERALS = new RegExp(
  `([${CN_DIGIT_CLASS}]{4})年(十[一二]?|[一二三四五六七八九])月([二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日`,
  'g',
);
const MD_CHINESE = /(?<![\d年.])(\d{1,2})[ \t]*月[ \t]*(\d{1,2})[ \t]*[日号]/g;
const MD_BRACKETED = /[[【(（〔]\s*(\d{1,2})[-/.](\d{1,2})\s*[\]】)）〕]/g;
// Unbracketed month-day only with two-digit parts and - or / (never “.”, which is a decimal point).
const MD_PLAIN = /(?<!\d|\d[-/.])(\d{2})([-/])(\d{2})(?!\d|[-/.]\d)/g;
const YEAR_ALONE = /(?<![\d.\-/])([12]\d{3}|0000)[ \t]*年(?:度)?/g;

function make(
  start: number,
  text: string,
  year: number | undefined,
  month: number,
  day: number,
  form: DateForm,
  yearFromContext: boolean,
): FoundDate {
  const problem = dateProblem(year, month, day);
  const found: FoundDate = { start, end: start + text.length, text, year, month, day, form, yearFromContext, valid: !problem };
  if (problem) found.problem = problem;
  return found;
}

/**
 * All dates in `text`, in order, without overlaps (a full date wins over a month-day form inside it).
 * Month-day forms are only returned with `options.monthDay`.
 */
export function findDates(text: string, options: FindDatesOptions = {}): FoundDate[] {
  const src = toHalfWidth(text);
  const found: FoundDate[] = [];
  for (const m of src.matchAll(NUMERIC)) {
    found.push(make(m.index, text.slice(m.index, m.index + m[0].length), Number(m[1]), Number(m[3]), Number(m[4]), 'numeric', false));
  }
  for (const m of src.matchAll(CHINESE)) {
    found.push(make(m.index, text.slice(m.index, m.index + m[0].length), Number(m[1]), Number(m[2]), Number(m[3]), 'chinese', false));
  }
  for (const m of src.matchAll(CN_NUMERALS)) {
    const year = parseCnYear(m[1] ?? '');
    const month = parseCnSmall(m[2] ?? '');
    const day = parseCnSmall(m[3] ?? '');
    if (year === undefined || month === undefined || day === undefined) continue;
    found.push(make(m.index, m[0], year, month, day, 'chinese-numerals', false));
  }
  if (options.monthDay) {
    const y = options.year;
    const withYear = y !== undefined;
    for (const re of [MD_CHINESE, MD_BRACKETED, MD_PLAIN]) {
      for (const m of src.matchAll(re)) {
        const monthIdx = 1;
        const dayIdx = re === MD_PLAIN ? 3 : 2;
        found.push(
          make(m.index, text.slice(m.index, m.index + m[0].length), y, Number(m[monthIdx]), Number(m[dayIdx]), 'month-day', withYear),
        );
      }
    }
  }
  return dropOverlaps(found);
}

/** Keeps the earliest, then longest, of overlapping matches. */
function dropOverlaps(found: FoundDate[]): FoundDate[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: FoundDate[] = [];
  for (const f of found) {
    const last = kept[kept.length - 1];
    if (last && f.start < last.end) continue;
    kept.push(f);
  }
  return kept;
}

/**
 * Years written alone (2026年, 2106年度) that are not the year of a full date. `full` may pass the full dates
 * already found in `text`, to save finding them again.
 */
export function findYears(text: string, full: readonly FoundDate[] = findDates(text)): FoundYear[] {
  const src = toHalfWidth(text);
  const years: FoundYear[] = [];
  for (const m of src.matchAll(YEAR_ALONE)) {
    const start = m.index;
    if (full.some((d) => start >= d.start && start < d.end)) continue;
    years.push({ start, end: start + m[0].length, text: text.slice(start, start + m[0].length), year: Number(m[1]) });
  }
  return years;
}
