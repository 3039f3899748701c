/**
 * Dates of the items of a column list page: in the item text (2026-11-05, 2026年11月5日, [11-05] under a year
 * heading) or in an attribute (datetime, data-date). The column's own list is the main-region list with the most
 * dated items, so side lists (热点, 推荐) do not decide the column's freshness.
 */
import { dayNumber, type YearMonthDay } from '../dates/calendar';
import { findDates, type FoundDate } from '../dates/find-dates';
import type { ListItem, PageSnapshot } from '../scan/snapshot-types';

export interface DatedItem {
  text: string;
  url: string;
  /** The date as written, '' when the item has none. */
  written: string;
  date?: YearMonthDay;
  /** The year was not written: taken from a year heading, or (no heading) the latest year not after today. */
  yearFrom?: 'heading' | 'assumed';
  /** The written date is impossible (2月30日, 2106年). */
  impossible?: boolean;
}

const YEAR_HEADING = /^\s*[[【(（]?\s*(\d{4})\s*年?(?:度)?\s*[\]】)）]?\s*$/;

/** Year headings between list items (“2025年” above the items of that year), keyed by item text. */
function yearsByItem(snapshot: PageSnapshot): Map<string, number> {
  const years = new Map<string, number>();
  let year: number | undefined;
  for (const block of snapshot.blocks) {
    const m = YEAR_HEADING.exec(block.text);
    if (m) {
      year = Number(m[1]);
      continue;
    }
    if (year !== undefined && !years.has(block.text.trim())) years.set(block.text.trim(), year);
  }
  return years;
}

/** The item's date: the last one in its text (list dates stand at the end) or the first in its attribute. */
function itemDate(item: ListItem, year: number | undefined, today: YearMonthDay, cells?: string[]): DatedItem {
  const base: DatedItem = { text: item.text, url: item.url, written: '' };
  const inText = findDates(item.text, { monthDay: true, ...(year !== undefined ? { year } : {}) });
  const found: FoundDate | undefined =
    inText[inText.length - 1] ?? (item.dateAttr ? findDates(item.dateAttr, { monthDay: true })[0] : undefined) ?? lastCellDate(cells);
  if (!found) return base;
  base.written = found.text;
  if (!found.valid) return { ...base, impossible: true };
  if (found.year !== undefined) {
    return { ...base, date: { year: found.year, month: found.month, day: found.day }, ...(found.yearFromContext ? { yearFrom: 'heading' as const } : {}) };
  }
  // No year anywhere: the most recent such day not after today. The real date can only be older, so a column
  // judged stale on this reading is stale for certain; one judged fresh may be older than shown.
  const candidate = { year: today.year, month: found.month, day: found.day };
  if (dayNumber(candidate) > dayNumber(today)) candidate.year -= 1;
  return { ...base, date: candidate, yearFrom: 'assumed' };
}

/**
 * A table row's item text runs its cells together (“…建议2026-11-182026-11-20已答复”), where no date can be read:
 * read the cells one by one instead, the last dated cell first (答复时间 stands after 留言时间).
 */
function lastCellDate(cells: string[] | undefined): FoundDate | undefined {
  for (let i = (cells?.length ?? 0) - 1; i >= 0; i--) {
    const found = findDates(cells![i]!, { monthDay: true });
    if (found.length) return found[found.length - 1];
  }
  return undefined;
}

/** The main list of the page (most dated items, main region first) with each item's date. */
export function readListDates(snapshot: PageSnapshot, today: YearMonthDay): DatedItem[] {
  const years = yearsByItem(snapshot);
  const rows = new Map(snapshot.tables.map((cells) => [cells.join('').replace(/\s+/g, ''), cells]));
  const byList = new Map<number, DatedItem[]>();
  for (const item of snapshot.listItems) {
    if (item.region !== 'main') continue;
    const dated = itemDate(item, years.get(item.text.trim()), today, rows.get(item.text.replace(/\s+/g, '')));
    const list = byList.get(item.list);
    if (list) list.push(dated);
    else byList.set(item.list, [dated]);
  }
  let best: DatedItem[] = [];
  let bestScore = -1;
  for (const [, items] of byList) {
    const score = items.filter((i) => i.written).length * 1000 + items.length;
    if (score > bestScore) {
      best = items;
      bestScore = score;
    }
  }
  // One list per year under year headings (2025年 / 2024年): together they are the column's list.
  const byYearHeading = (items: DatedItem[]): boolean => items.some((i) => i.yearFrom === 'heading');
  if (!byYearHeading(best)) return best;
  return [...byList.values()].filter(byYearHeading).flat();
}
