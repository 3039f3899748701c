/**
 * Column categories and update periods, read from `column-profiles.json` (one data file; local profiles such as
 * 肇庆 or 湾沚 variants go there too). A column's category comes from words in its name.
 */
import profiles from './column-profiles.json';
import { normalizeColumnName } from './column-name';

export interface Period {
  days?: number;
  months?: number;
  years?: number;
}

export interface ColumnCategory {
  id: string;
  label: string;
  words: string[];
  maxAge: Period;
  /** Counts toward veto counter (i): stale 动态 and 通知公告/政策文件 columns together. */
  vetoGroup?: boolean;
  /** Only columns at this menu level or above count toward (i). */
  vetoGroupMaxLevel?: number;
}

export interface ColumnProfile {
  source: string;
  homeMaxAge: Period;
  categories: ColumnCategory[];
  /** Words of columns that are not updated on a schedule (解读, 信箱, 概况 …): never judged stale. */
  exclude: string[];
  veto: { staleDynamicPolicy: number; staleAll: number; blank: number };
}

const PROFILES = profiles as Record<string, ColumnProfile>;

/** The profile of that name; the national 2019 profile by default. */
export function columnProfile(name = 'national-2019'): ColumnProfile {
  const profile = PROFILES[name];
  if (!profile) throw new Error(`未知的栏目更新规则：${name}`);
  return profile;
}

/** The category of a column by its name (first category whose word it contains), or undefined. */
export function categoryOf(name: string, profile: ColumnProfile): ColumnCategory | undefined {
  const n = normalizeColumnName(name);
  if (profile.exclude.some((w) => n.includes(w))) return undefined;
  return profile.categories.find((c) => c.words.some((w) => n.includes(w)));
}

/** The calendar day `period` before the given day (month ends clamp: 8月31日 − 6个月 = 2月28/29日). */
export function subtractPeriod(date: { year: number; month: number; day: number }, period: Period): { year: number; month: number; day: number } {
  const totalMonths = date.year * 12 + (date.month - 1) - (period.months ?? 0) - 12 * (period.years ?? 0);
  const year = Math.floor(totalMonths / 12);
  const month = (totalMonths % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const shifted = new Date(Date.UTC(year, month - 1, Math.min(date.day, lastDay) - (period.days ?? 0)));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** “2周” / “6个月” / “1年”, for messages. */
export function periodText(period: Period): string {
  if (period.years) return `${period.years}年`;
  if (period.months) return `${period.months}个月`;
  const days = period.days ?? 0;
  return days % 7 === 0 ? `${days / 7}周` : `${days}天`;
}
