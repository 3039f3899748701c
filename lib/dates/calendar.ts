/**
 * Calendar arithmetic on plain year/month/day numbers. Days are counted as integers (days since 1970-01-01),
 * so comparisons never depend on the machine's time zone.
 */

/** A calendar date as three numbers (month 1–12). */
export interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

/** Years a real date on a government page can carry; outside it a date is “impossible” (0000, 2106 …). */
export const PLAUSIBLE_YEARS = { min: 1000, max: 2099 } as const;

/** True for Gregorian leap years. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Days in a month; with no year, February counts 29 days (2月29日 exists in some year, 2月30日 in none).
 * Returns 0 for a month outside 1–12.
 */
export function daysInMonth(month: number, year?: number): number {
  if (month < 1 || month > 12) return 0;
  if (month === 2) return year === undefined || isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Which part of a date makes it impossible, or undefined when it is a real date. */
export function dateProblem(year: number | undefined, month: number, day: number): 'year' | 'month' | 'day' | undefined {
  if (month < 1 || month > 12) return 'month';
  if (day < 1 || day > daysInMonth(month, year)) return 'day';
  if (year !== undefined && (year < PLAUSIBLE_YEARS.min || year > PLAUSIBLE_YEARS.max)) return 'year';
  return undefined;
}

/** Days since 1970-01-01 for a calendar date (proleptic Gregorian, no time zone involved). */
export function dayNumber(date: YearMonthDay): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000);
}

/** China Standard Time is UTC+8 all year (no daylight saving), so “today” for a Chinese site is fixed by this. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Today's day number in China for the instant `now`. */
export function chinaDayNumber(now: Date): number {
  return Math.floor((now.getTime() + CHINA_OFFSET_MS) / 86_400_000);
}

/** The calendar date in China for the instant `now`. */
export function chinaToday(now: Date): YearMonthDay {
  const d = new Date(now.getTime() + CHINA_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO form yyyy-mm-dd, for messages and stored detail. */
export function formatIsoDate(date: YearMonthDay): string {
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}
