/**
 * Facts read from a snapshot that classification and pairing share: the article title, the 信息公开
 * metadata table (索引号 / 发文机关 / 成文日期 / 文号 …), main-content text and the column trail.
 */
import type { PageSnapshot } from '../scan/snapshot-types';

/** Metadata labels, written the ways templates write them, mapped to one name. */
const LABELS: [RegExp, string][] = [
  [/^索引号$/, '索引号'],
  [/^(主题分类|分类|主题)$/, '主题分类'],
  [/^(发文机关|发布机构|发文单位|发布单位|制发机关|发文机构)$/, '发文机关'],
  [/^(成文日期|生成日期|制发日期|印发日期)$/, '成文日期'],
  [/^(发布日期|公开日期|发布时间)$/, '发布日期'],
  [/^(发文字号|文号|发文号|文件编号)$/, '文号'],
  [/^(标题|名称|文件名称)$/, '标题'],
  [/^(有效性|时效性|是否有效)$/, '有效性'],
];

function labelOf(cell: string): { label: string; rest: string } | undefined {
  const m = /^([^:：]{1,12})[:：]\s*(.*)$/s.exec(cell.trim()) ?? /^(.{1,8})$/s.exec(cell.trim());
  if (!m) return undefined;
  const name = (m[1] ?? '').replace(/\s+/g, '');
  for (const [re, label] of LABELS) if (re.test(name)) return { label, rest: (m[2] ?? '').trim() };
  return undefined;
}

/**
 * The metadata table as label → value. Reads table rows (“索引号：” | “1137…”, or “索引号：1137…” in one cell)
 * and, for templates that use divs, main-content blocks that start with a label.
 */
export function readMetadata(snapshot: PageSnapshot): Map<string, string> {
  const meta = new Map<string, string>();
  const put = (label: string, value: string) => {
    if (value && !meta.has(label)) meta.set(label, value);
  };
  for (const row of snapshot.tables) {
    for (let i = 0; i < row.length; i++) {
      const hit = labelOf(row[i] ?? '');
      if (!hit) continue;
      const next = row[i + 1];
      if (hit.rest) put(hit.label, hit.rest);
      else if (next !== undefined && !labelOf(next)) put(hit.label, next.trim()), i++;
    }
  }
  for (const block of mainBlocks(snapshot).slice(0, 40)) {
    // Div templates put several fields on one line: “发文机关：市政府  成文日期：2026-03-01”.
    for (const part of block.split(/\s{2,}|\u3000+|\t/)) {
      const hit = labelOf(part);
      if (hit?.rest) put(hit.label, hit.rest);
    }
  }
  return meta;
}

/** Text of the main content (not header, nav, footer or aside), visible blocks only. */
export function mainBlocks(snapshot: PageSnapshot): string[] {
  return snapshot.blocks
    .filter((b) => b.region === 'main' && !b.hidden?.length && b.source !== 'field')
    .map((b) => b.text.trim())
    .filter(Boolean);
}

function splitDocTitle(title: string): string {
  const parts = title.split(/\s*[_|｜丨]\s*|\s+[-–—]\s+/).map((p) => p.trim()).filter(Boolean);
  return parts[0] ?? title.trim();
}

/**
 * The article's own title: <meta ArticleTitle>, the metadata table's 标题, the heading that the
 * document title starts with, or the document title without its “_站名” tail.
 */
export function articleTitle(snapshot: PageSnapshot, meta = readMetadata(snapshot)): string {
  const fromMeta = snapshot.meta['articletitle']?.trim();
  if (fromMeta) return fromMeta;
  const fromTable = meta.get('标题');
  if (fromTable) return fromTable;
  const docTitle = splitDocTitle(snapshot.title);
  const headings = snapshot.headings.filter((h) => h.level <= 3 && h.text.trim().length >= 4);
  const matching = headings
    .filter((h) => docTitle && (docTitle.includes(h.text.trim()) || h.text.trim().includes(docTitle)))
    .sort((a, b) => b.text.length - a.text.length)[0];
  if (matching) return matching.text.trim();
  // Table templates (Hanweb) put the title in a <td>, and the document title adds the site and column names.
  const inTitle = mainBlocks(snapshot)
    .slice(0, 30)
    .filter((b) => b.length >= 6 && b.length <= 120 && snapshot.title.includes(b))
    .sort((a, b) => b.length - a.length)[0];
  if (inTitle) return inTitle;
  if (docTitle) return docTitle;
  return headings[0]?.text.trim() ?? '';
}

/** The column trail, deepest last: breadcrumb parts, then <meta ColumnName> when there is no breadcrumb. */
export function columnTrail(snapshot: PageSnapshot): string[] {
  const crumbs = snapshot.breadcrumb.map((c) => c.text.trim()).filter(Boolean);
  if (crumbs.length) return crumbs;
  const column = snapshot.meta['columnname']?.trim();
  return column ? [column] : [];
}

/** A date written as 2026年3月1日, 2026-03-01 or 2026/3/1, as YYYY-MM-DD; undefined when none. */
export function parseDate(text: string): string | undefined {
  const m = /((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})/.exec(text);
  if (!m) return undefined;
  return `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
}
