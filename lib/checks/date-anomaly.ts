/**
 * date-anomaly: dates in visible text that cannot be right.
 * - Impossible full dates anywhere (2026年2月30日, 2026-13-05, 0000-00-00, 2106-05-12) — a real date never looks so.
 * - Future dates only where they read as the page's or an item's publication date: list items (date at the edge of
 *   the item), after a publication label (发布时间：…), in the metadata line (…来源：…浏览次数), or alone under the title.
 *   Deadlines, validity periods, plans and meeting dates are legitimately in the future, so dates in running text,
 *   after 截止/有效期至/施行/召开 …, or followed by 起/前/止 are never flagged; a year alone (“2035年远景目标”) never is.
 * - A year alone that cannot be real (“2106年”) where a publication year stands (list items, labels).
 * Why it matters: a future publication date is how fake updates (弄虚作假, SV-W1(5)) show up, and “2106” dates are
 * named in 通报 as 栏目不更新 evidence.
 * Fixture pages: tests/fixtures/site (future and impossible dates planted on list and article pages).
 */
import { chinaDayNumber, chinaToday, dayNumber, formatIsoDate, PLAUSIBLE_YEARS } from '../dates/calendar';
import { findDates, findYears, type FoundDate } from '../dates/find-dates';
import type { ListItem, PageSnapshot, TextBlock } from '../scan/snapshot-types';
import type { CheckContext, CheckResult, PageCheck } from './types';
import { excerptAround } from '../text/excerpt';
import { datePlacement, type DatePlacement } from '../dates/date-placement';

/** Dates up to this many days after today pass: a page published late in the evening in another time zone. */
const FUTURE_TOLERANCE_DAYS = 1;

const PROBLEM_TEXT: Record<NonNullable<FoundDate['problem']>, string> = {
  year: '年份不可能',
  month: '月份不在1—12之间',
  day: '该月没有这一天',
};

function result(
  block: TextBlock,
  blockIndex: number,
  start: number,
  end: number,
  severity: CheckResult['severity'],
  message: string,
  detail: Record<string, unknown>,
): CheckResult {
  return {
    check: 'date-anomaly',
    severity,
    message,
    subject: block.text.slice(start, end),
    excerpt: excerptAround(block.text, start, end),
    location: { kind: 'text', block: blockIndex, start, end },
    detail,
  };
}

function checkBlock(
  snapshot: PageSnapshot,
  index: number,
  listTexts: Set<string>,
  today: number,
  todayIso: string,
): CheckResult[] {
  const block = snapshot.blocks[index];
  if (!block || block.hidden?.length) return [];
  const out: CheckResult[] = [];
  // Every date form needs a digit or 〇/零; most blocks have none and cost one test.
  if (!/[0-9０-９〇零]/.test(block.text)) return [];
  // One pass finds full dates and, with a leap year as context, month-day forms (a full date wins where they overlap).
  const found = findDates(block.text, { monthDay: true, year: 2024 });
  const full = found.filter((d) => d.form !== 'month-day');
  for (const date of full) {
    if (!date.valid && date.problem) {
      out.push(
        result(block, index, date.start, date.end, 'major', `日期“${date.text}”不存在：${PROBLEM_TEXT[date.problem]}`, {
          kind: 'impossible',
          problem: date.problem,
        }),
      );
      continue;
    }
    if (date.year === undefined) continue;
    const day = dayNumber({ year: date.year, month: date.month, day: date.day });
    if (day <= today + FUTURE_TOLERANCE_DAYS) continue;
    const placement: DatePlacement | undefined = datePlacement(snapshot, index, date, listTexts);
    if (!placement) continue;
    const iso = formatIsoDate({ year: date.year, month: date.month, day: date.day });
    out.push(
      result(
        block,
        index,
        date.start,
        date.end,
        'major',
        `发布日期“${date.text}”晚于检查当天（${todayIso}），疑似日期错误或虚假更新`,
        { kind: 'future', date: iso, today: todayIso, daysAhead: day - today, placement },
      ),
    );
  }
  // “2月30日” written without a year is impossible in every year; 2024 is a leap year, so 2月29日 passes.
  // Only the 月/日 form: bare “13-05” is too often a number range or a code to call it a date.
  for (const date of found) {
    if (date.form !== 'month-day' || date.valid || !date.problem || !date.text.includes('月')) continue;
    if (out.some((r) => r.location?.kind === 'text' && r.location.start <= date.start && date.end <= r.location.end)) continue;
    out.push(
      result(block, index, date.start, date.end, 'major', `日期“${date.text}”不存在：${PROBLEM_TEXT[date.problem]}`, {
        kind: 'impossible',
        problem: date.problem,
      }),
    );
  }
  for (const year of findYears(block.text, full)) {
    if (year.year >= PLAUSIBLE_YEARS.min && year.year <= PLAUSIBLE_YEARS.max) continue;
    const asDate: FoundDate = {
      ...year,
      month: 1,
      day: 1,
      form: 'chinese',
      yearFromContext: false,
      valid: false,
      problem: 'year',
    };
    if (!datePlacement(snapshot, index, asDate, listTexts, true)) continue;
    out.push(
      result(block, index, year.start, year.end, 'major', `年份“${year.text}”不可能，疑似录入错误`, {
        kind: 'impossible',
        problem: 'year',
      }),
    );
  }
  return out;
}

/** A date kept in an attribute (datetime, data-date) of a list item; reported without a text location. */
function checkDateAttr(item: ListItem, today: number, todayIso: string): CheckResult | undefined {
  if (!item.dateAttr) return undefined;
  const date = findDates(item.dateAttr)[0];
  if (!date || date.year === undefined) return undefined;
  const base = { check: 'date-anomaly' as const, severity: 'major' as const, subject: date.text, excerpt: item.text };
  if (!date.valid && date.problem) {
    return { ...base, message: `列表项的日期属性“${date.text}”不存在：${PROBLEM_TEXT[date.problem]}`, detail: { kind: 'impossible', problem: date.problem, url: item.url } };
  }
  const day = dayNumber({ year: date.year, month: date.month, day: date.day });
  if (day <= today + FUTURE_TOLERANCE_DAYS) return undefined;
  return {
    ...base,
    message: `列表项的发布日期“${date.text}”晚于检查当天（${todayIso}），疑似日期错误或虚假更新`,
    detail: { kind: 'future', today: todayIso, daysAhead: day - today, placement: 'attribute', url: item.url },
  };
}

/** Runs the rules above over every visible text block and list-item date attribute. One finding per date text. */
export function runDateAnomaly(snapshot: PageSnapshot, ctx: CheckContext): CheckResult[] {
  const today = chinaDayNumber(ctx.now);
  const todayIso = formatIsoDate(chinaToday(ctx.now));
  const listTexts = new Set(snapshot.listItems.map((item) => item.text.trim()).filter((t) => t !== ''));
  const results: CheckResult[] = [];
  for (let i = 0; i < snapshot.blocks.length; i++) results.push(...checkBlock(snapshot, i, listTexts, today, todayIso));
  for (const item of snapshot.listItems) {
    const found = checkDateAttr(item, today, todayIso);
    if (found) results.push(found);
  }
  const seen = new Set<string>();
  return results.filter((r) => !seen.has(r.subject) && seen.add(r.subject));
}

/** The date-anomaly page check. */
export const dateAnomalyCheck: PageCheck = { id: 'date-anomaly', run: runDateAnomaly };
