/**
 * Is a column kept up to date (SV-W3 首页不更新, SV-W4 栏目不更新 / 空白栏目)? For one column list page: the
 * item dates, the newest one, the column's category and period from the profile, and a state:
 * fresh, stale, blank (暂无信息 or no items), undated (items without dates: a warning, never a guess), or
 * not-a-list (a single-page column such as 机构职能, not judged). Future and impossible dates are set aside for
 * the date-anomaly check and never count as the newest.
 */
import { chinaToday, dayNumber, formatIsoDate } from '../dates/calendar';
import type { PageSnapshot } from '../scan/snapshot-types';
import { categoryOf, subtractPeriod, type ColumnCategory, type ColumnProfile, type Period } from './column-profile';
import { readListDates, type DatedItem } from './list-dates';

export type ColumnState = 'fresh' | 'stale' | 'blank' | 'undated' | 'not-a-list';

export interface ColumnAssessment {
  name: string;
  url: string;
  /** Menu level (1 = top), when known. */
  level?: number;
  state: ColumnState;
  category?: { id: string; label: string; maxAge: Period; countsForVetoGroup: boolean };
  items: number;
  datedItems: number;
  /** Newest real date, yyyy-mm-dd. */
  newest?: string;
  ageDays?: number;
  /** The newest date's year was assumed (month-day list without year heading). */
  yearAssumed?: boolean;
  /** What marked the column blank (暂无信息 …) or 'no-items'. */
  blankReason?: string;
  /** Items dated after today (+1 day): for date-anomaly. */
  futureItems: DatedItem[];
  impossibleItems: DatedItem[];
}

export interface ColumnInput {
  name: string;
  url: string;
  level?: number;
  snapshot: PageSnapshot;
}

const BLANK_MARKER = /暂无(?:信息|数据|内容|记录|相关信息|文章|公告|更新)|没有(?:相关)?(?:信息|记录|数据)|无相关信息|信息正在(?:整理|更新)中|栏目(?:正在)?建设中|正在建设中|敬请期待/;

/** 暂无信息 with no dated item (a side list of sibling columns may remain), or no items and almost no text. */
function blankReasonOf(snapshot: PageSnapshot, items: number, datedItems: number): string | undefined {
  const main = snapshot.blocks.filter((b) => b.region === 'main' && !b.hidden?.length);
  const marker = main.map((b) => BLANK_MARKER.exec(b.text)?.[0]).find(Boolean);
  if (marker && datedItems === 0) return marker;
  if (items > 0) return undefined;
  const bodyChars = main.filter((b) => !/^h[1-6]$/.test(b.tag)).reduce((n, b) => n + b.text.trim().length, 0);
  return bodyChars < 30 ? 'no-items' : undefined;
}

/** Assesses one column list page on `now` with the profile's periods. */
export function assessColumn(input: ColumnInput, now: Date, profile: ColumnProfile): ColumnAssessment {
  const today = chinaToday(now);
  const todayDay = dayNumber(today);
  const items = readListDates(input.snapshot, today);
  const category: ColumnCategory | undefined = categoryOf(input.name, profile);
  const base: ColumnAssessment = {
    name: input.name,
    url: input.url,
    ...(input.level !== undefined ? { level: input.level } : {}),
    state: 'fresh',
    items: items.length,
    datedItems: items.filter((i) => i.written).length,
    futureItems: items.filter((i) => i.date && dayNumber(i.date) > todayDay + 1),
    impossibleItems: items.filter((i) => i.impossible),
  };
  if (category) {
    const inGroup = category.vetoGroup === true && (category.vetoGroupMaxLevel === undefined || (input.level ?? 1) <= category.vetoGroupMaxLevel);
    base.category = { id: category.id, label: category.label, maxAge: category.maxAge, countsForVetoGroup: inGroup };
  }
  const blankReason = blankReasonOf(input.snapshot, items.length, base.datedItems);
  if (blankReason) return { ...base, state: 'blank', blankReason };
  if (items.length === 0) return { ...base, state: 'not-a-list' };
  const real = items.filter((i) => i.date && !i.impossible && dayNumber(i.date) <= todayDay + 1);
  if (real.length === 0) return { ...base, state: 'undated' };
  const newest = real.reduce((a, b) => (dayNumber(b.date!) > dayNumber(a.date!) ? b : a));
  const ageDays = todayDay - dayNumber(newest.date!);
  const assessed: ColumnAssessment = { ...base, newest: formatIsoDate(newest.date!), ageDays: Math.max(0, ageDays) };
  if (newest.yearFrom === 'assumed') assessed.yearAssumed = true;
  if (!category) return assessed;
  const limit = dayNumber(subtractPeriod(today, category.maxAge));
  return dayNumber(newest.date!) < limit ? { ...assessed, state: 'stale' } : assessed;
}

export interface VetoCounters {
  staleDynamicPolicy: number;
  staleAll: number;
  blank: number;
  /** Which of the three SV-W4 thresholds are reached. */
  reached: { dynamicPolicy: boolean; all: boolean; blank: boolean };
  thresholds: ColumnProfile['veto'];
}

/** The SV-W4 counters over all assessed columns. */
export function vetoCounters(columns: readonly ColumnAssessment[], profile: ColumnProfile): VetoCounters {
  const stale = columns.filter((c) => c.state === 'stale');
  const staleDynamicPolicy = stale.filter((c) => c.category?.countsForVetoGroup).length;
  const blank = columns.filter((c) => c.state === 'blank').length;
  const t = profile.veto;
  return {
    staleDynamicPolicy,
    staleAll: stale.length,
    blank,
    reached: { dynamicPolicy: staleDynamicPolicy >= t.staleDynamicPolicy, all: stale.length >= t.staleAll, blank: blank >= t.blank },
    thresholds: { ...t },
  };
}

export interface HomeFreshness {
  state: 'fresh' | 'stale' | 'undated';
  newest?: string;
  ageDays?: number;
  datedItems: number;
  maxAge: Period;
}

/** The home page's newest dated item anywhere in its lists (SV-W3: nothing new in 2 weeks is a veto). */
export function assessHomePage(snapshot: PageSnapshot, now: Date, profile: ColumnProfile): HomeFreshness {
  const today = chinaToday(now);
  const todayDay = dayNumber(today);
  const lists = new Set(snapshot.listItems.map((i) => i.list));
  const all = [...lists].flatMap((list) => readListDates({ ...snapshot, listItems: snapshot.listItems.filter((i) => i.list === list) }, today));
  const real = all.filter((i) => i.date && !i.impossible && dayNumber(i.date) <= todayDay + 1);
  if (real.length === 0) return { state: 'undated', datedItems: 0, maxAge: profile.homeMaxAge };
  const newestDay = Math.max(...real.map((i) => dayNumber(i.date!)));
  const newest = real.find((i) => dayNumber(i.date!) === newestDay)!;
  const limit = dayNumber(subtractPeriod(today, profile.homeMaxAge));
  return {
    state: newestDay < limit ? 'stale' : 'fresh',
    newest: formatIsoDate(newest.date!),
    ageDays: todayDay - newestDay,
    datedItems: real.length,
    maxAge: profile.homeMaxAge,
  };
}
