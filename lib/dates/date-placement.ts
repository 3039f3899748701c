/**
 * Does a date read as a publication date? Future dates are legitimate in running text (deadlines, validity
 * periods, plans, meeting dates), so the date-anomaly check only judges dates standing where a publication date
 * stands. This module decides that from the text block and its neighbours.
 */
import type { PageSnapshot, TextBlock } from '../scan/snapshot-types';

/** Where a date sits that makes it read as a publication date. */
export type DatePlacement = 'list' | 'label' | 'metadata' | 'title';

interface Span {
  start: number;
  end: number;
}

/** A label naming the publication date, directly before the date. */
const PUBLICATION_LABEL = /(?:发布|发文|成文|印发|公开|更新|发表|录入|上传|信息|生成)(?:时间|日期)\s*[:：]?\s*[[【(（]?\s*$|发布于\s*$/;
/** A bare 时间：/日期： not glued to a longer word such as 会议时间 or 截止日期. */
const BARE_LABEL = /(?:^|[^\u4e00-\u9fff])(?:时间|日期)\s*[:：]\s*$/;
/**
 * Words before a date that make it a deadline, a validity end, a start of force or a scheduled time, even with
 * spaces between: “有效期至 2030年12月31日”, “截止时间：2026-12-30”, “定于2026年12月1日”.
 */
const NOT_PUBLICATION_BEFORE = /(?:截止|截至|有效期?|施行|实施|生效|定于|拟于|将于|至|到|自|从|于|在)\s*(?:时间|日期)?\s*[:：]?\s*$/;
/**
 * Event words that make the following date an event date only when glued to it (“会议时间：”, “举办2026…”):
 * a list title ending in “…常务会议” followed by a space and its publication date is still a publication date.
 */
const EVENT_BEFORE =
  /(?:开始|结束|起止|举办|举行|召开|报名|考试|开放|申报|受理|办理|缴纳|缴费|期限|届满|到期|预计|计划|会议|活动|培训|讲座|面试|笔试)(?:时间|日期)?(?:\s*[:：]\s*)?$/;
/** Words right after a date that make it a deadline or a start (2026年12月1日起施行, 12月30日前报送). */
const NOT_PUBLICATION_AFTER = /^\s*(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?\s*)?(?:起|前|止|至|到|以前|之前|开始|截止|施行|生效|举行|召开|—|–|-|~|～|〜)/;
/** Words of an article's metadata line (发布时间 … 来源 … 浏览次数). */
const METADATA_WORDS = /来源|作者|浏览|点击|阅读|访问量|字号|责任编辑|编辑[:：]|发布机构|发文机关|索引号|打印|关闭/;
/** Lists of coming events, where future dates are the content. */
const EVENT_LIST_HEADING = /预告|日程|日历|行程|安排|报名|招考|考试/;
const LIST_TAGS = new Set(['li', 'dd', 'dt']);
const TITLE_TAGS = new Set(['h1', 'h2', 'h3']);
const OPENERS = '\\s\\[【(（〔';
const CLOSERS = '\\s\\]】)）〕';

function isListBlock(block: TextBlock, listTexts: Set<string>): boolean {
  return LIST_TAGS.has(block.tag) || listTexts.has(block.text.trim());
}

/** The heading closest above a block, to recognise lists of coming events. */
function headingAbove(blocks: TextBlock[], index: number): string {
  for (let i = index - 1; i >= 0 && i >= index - 40; i--) {
    const b = blocks[i];
    if (b && /^h[1-6]$/.test(b.tag)) return b.text;
  }
  return '';
}

/** The date is the first or the last thing in the item (a list's date column), optionally with a time. */
function atItemEdge(text: string, span: Span): boolean {
  const before = text.slice(0, span.start);
  const after = text.slice(span.end);
  const time = '(?:\\s*\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2})?)?';
  if (new RegExp(`^${time}[${CLOSERS}]*$`).test(after)) return true;
  return new RegExp(`^[${OPENERS}]*$`).test(before) && new RegExp(`^${time}(?:[${CLOSERS}|｜:：·-]|$)`).test(after);
}

/** The block holds nothing but the date (and a time or a label). */
function onlyDate(text: string, span: Span): boolean {
  const rest = (text.slice(0, span.start) + text.slice(span.end))
    .replace(/\d{1,2}[:：]\d{2}(?:[:：]\d{2})?/g, '')
    .replace(/(?:发布)?(?:时间|日期)\s*[:：]?/g, '');
  return /^[\s[\]【】()（）〔〕|｜:：·-]*$/.test(rest);
}

function nearTitle(blocks: TextBlock[], index: number): boolean {
  for (let i = index - 1; i >= 0 && i >= index - 3; i--) {
    const b = blocks[i];
    if (b && TITLE_TAGS.has(b.tag)) return true;
  }
  return false;
}

/**
 * Why the date at `span` of block `index` reads as a publication date, or undefined when it may legitimately
 * lie in the future. `listTexts` are the trimmed texts of `snapshot.listItems`. With `yearOnly` the span is a
 * year written alone: labels, list items and bare year headings count.
 */
export function datePlacement(
  snapshot: PageSnapshot,
  index: number,
  span: Span,
  listTexts: Set<string>,
  yearOnly = false,
): DatePlacement | undefined {
  const block = snapshot.blocks[index];
  if (!block) return undefined;
  const text = block.text;
  const before = text.slice(Math.max(0, span.start - 12), span.start);
  const after = text.slice(span.end, span.end + 12);
  const labelled = PUBLICATION_LABEL.test(before);
  if (labelled) return 'label';
  if (NOT_PUBLICATION_BEFORE.test(before) || EVENT_BEFORE.test(before) || NOT_PUBLICATION_AFTER.test(after)) return undefined;
  const shortLine = text.length <= 150;
  const metadataLine = shortLine && METADATA_WORDS.test(text);
  // After any other “label：” (时间：, 地点：) the date belongs to that label; only a metadata line rescues a bare one.
  if (/[:：]\s*$/.test(before)) return metadataLine && BARE_LABEL.test(before) && !yearOnly ? 'metadata' : undefined;
  if (yearOnly) {
    // An impossible year is wrong wherever it stands in a list item or a year heading (“2106年” above a list).
    if (isListBlock(block, listTexts)) return 'list';
    return /^h[1-6]$/.test(block.tag) && text.trim().length <= span.end - span.start + 4 ? 'title' : undefined;
  }
  if (isListBlock(block, listTexts) && atItemEdge(text, span) && !EVENT_LIST_HEADING.test(headingAbove(snapshot.blocks, index))) {
    return 'list';
  }
  if (metadataLine && /^[\s[【(（]*$/.test(text.slice(0, span.start))) return 'metadata';
  if (shortLine && onlyDate(text, span) && nearTitle(snapshot.blocks, index)) return 'title';
  return undefined;
}
