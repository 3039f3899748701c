/**
 * Is a page a policy document (政策文件), an interpretation (政策解读), or neither? Signals are scored and
 * every signal that counted is kept as a Chinese reason, so the inspector sees why a page was judged so.
 */
import type { PageSnapshot } from '../scan/snapshot-types';
import { findDocNumbers, type DocNumber } from './doc-number';
import { articleTitle, columnTrail, mainBlocks, parseDate, readMetadata } from './page-facts';
import { interpretationSubject, isPolicyLikeTitle, quotedTitles } from './titles';
import { isFileUrl } from './urls';

export type PageKind = 'policy' | 'interpretation' | 'neither';

export interface PageClassification {
  kind: PageKind;
  scores: { policy: number; interpretation: number };
  /** The signals that counted, in Chinese, strongest first within each kind. */
  reasons: string[];
  /** The article title. */
  title: string;
  /** The page's own 文号 (policy), normalised. */
  docNumber?: string;
  /** 成文日期 or 发布日期, YYYY-MM-DD. */
  date?: string;
  /** 《》 titles inside the page's own title (关于印发《XX办法》的通知 → XX办法). */
  innerTitles: string[];
  /** Policy titles an interpretation cites: from its title first, then from its body. */
  refTitles: string[];
  /** 文号s named in the body (an interpretation's reference to its policy). */
  refDocNumbers: string[];
}

const POLICY_TITLE_END = /(通知|意见|办法|规定|方案|决定|细则)$/;
const POLICY_COLUMN = /(政策文件|规范性文件|政府文件|政府令|部门文件|市政府文件|区政府文件|县政府文件|政策法规|文件库|政府规章|行政规范性文件)/;
const INTERP_COLUMN = /(政策解读|解读|图解|政策问答)/;
const STRONG_INTERP_TITLE = /(解读|图解|一图读懂|一图看懂|一图了解|一图速览|答记者问)/;
const WEAK_INTERP_TITLE = /(新闻发布会|吹风会|问答)/;
const NEWS_TITLE = /(召开|举行|举办|会议|调研|考察|座谈|视察|走访|会见|出席|开展|活动|观摩|培训班|解读会|宣讲会)/;
// “政策解读会” is a meeting about an interpretation: its 解读 is no interpretation signal.
const MEETING = /(解读|宣讲)(会|培训)/g;
const INTERP_STRUCTURE = /^(?:[一二三四五六七八九十\d]+[、.．]\s*)?(起草背景|制定背景|出台背景|背景依据|起草依据|制定依据|主要内容|起草过程|制定过程|重点内容|主要措施|政策亮点|名词解释|创新点|主要特点|适用范围|核心内容|解读机关|解读人)/;
const QA_LINE = /^(问|答|记者|问题)\s*[:：\d一二三四五六七八九十]/;
const PUBLIC_NOTE = /[(（]此件(?:公开发布|主动公开)[)）]/;
const PAGER = /(下一页|尾页|末页|共\s*\d+\s*页)/;

/**
 * A column list (政策解读 index page) carries the column's words in its title and trail but is no article:
 * a long list in the content and a pager, or no ArticleTitle meta.
 */
function isListPage(snapshot: PageSnapshot): boolean {
  const sizes = new Map<number, number>();
  for (const item of snapshot.listItems) {
    if (item.region === 'main' && item.text.length >= 8) sizes.set(item.list, (sizes.get(item.list) ?? 0) + 1);
  }
  const longest = Math.max(0, ...sizes.values());
  if (longest < 5) return false;
  const pager = snapshot.blocks.some((b) => b.region === 'main' && PAGER.test(b.text));
  return pager || !snapshot.meta['articletitle'];
}

function withoutQuoted(title: string): string {
  return title.replace(/《[^《》]*》/g, '');
}

/** The last crumb that names a policy or interpretation column decides, so 政策文件 > 政策解读 is 解读. */
function columnKind(trail: string[]): { kind: 'policy' | 'interpretation'; name: string } | undefined {
  for (let i = trail.length - 1; i >= 0; i--) {
    const name = trail[i] ?? '';
    if (INTERP_COLUMN.test(name)) return { kind: 'interpretation', name };
    if (POLICY_COLUMN.test(name)) return { kind: 'policy', name };
  }
  return undefined;
}

/** True when the 文号 stands on its own line near the top, as in a policy's header block. */
function standaloneDocNumber(blocks: string[]): DocNumber | undefined {
  for (const block of blocks.slice(0, 15)) {
    if (block.length > 30) continue;
    const d = findDocNumbers(block)[0];
    if (d && block.replace(/\s/g, '').length <= d.text.length + 6) return d;
  }
  return undefined;
}

/** Classify one page; see module comment. Pure: the snapshot is all it reads. */
export function classifyPage(snapshot: PageSnapshot): PageClassification {
  const meta = readMetadata(snapshot);
  const title = articleTitle(snapshot, meta);
  const bareTitle = withoutQuoted(title).trim();
  const blocks = mainBlocks(snapshot);
  const body = blocks.join('\n');
  const policy: [number, string][] = [];
  const interp: [number, string][] = [];

  // Policy signals.
  const metaNumber = meta.get('文号') ? findDocNumbers(meta.get('文号') ?? '')[0] : undefined;
  if (metaNumber) policy.push([3, `元数据表列有发文字号“${metaNumber.text}”`]);
  const headerNumber = standaloneDocNumber(blocks);
  if (headerNumber && !metaNumber) policy.push([3, `正文开头有发文字号“${headerNumber.text}”`]);
  const metaFields = ['索引号', '发文机关', '成文日期', '主题分类'].filter((k) => meta.has(k));
  if (metaFields.length >= 2) policy.push([2, `页面有政府信息公开元数据表（${metaFields.join('、')}）`]);
  const titleEnd = POLICY_TITLE_END.exec(bareTitle);
  if (titleEnd) policy.push([2, `标题以“${titleEnd[1]}”结尾`]);
  const column = columnKind(columnTrail(snapshot));
  if (column?.kind === 'policy') policy.push([2, `位于“${column.name}”栏目`]);
  if (PUBLIC_NOTE.test(body)) policy.push([2, '正文含“（此件公开发布）”']);
  const attachment = snapshot.links.find(
    (l) => l.region === 'main' && isFileUrl(l.url) && (POLICY_TITLE_END.test(l.text.replace(/\.\w+$/, '')) || /附件/.test(l.context ?? '')),
  );
  if (attachment) policy.push([1, `正文附有文件“${attachment.text || attachment.url}”`]);

  // Interpretation signals.
  const strong = STRONG_INTERP_TITLE.exec(bareTitle.replace(MEETING, ''));
  const weak = WEAK_INTERP_TITLE.exec(bareTitle.replace(MEETING, ''));
  if (strong) interp.push([3, `标题含“${strong[1]}”`]);
  else if (weak) interp.push([2, `标题含“${weak[1]}”`]);
  if (column?.kind === 'interpretation') interp.push([3, `位于“${column.name}”栏目`]);
  const titleRefs = quotedTitles(title);
  const bodyRefs = quotedTitles(body).filter(isPolicyLikeTitle);
  const citing = bodyRefs.find((t) => !titleRefs.includes(t) && !(titleEnd && title.includes(t)));
  if (citing && !titleEnd) interp.push([1, `正文提到《${citing}》`]);
  const headerText = headerNumber?.text ?? metaNumber?.text;
  const cited = findDocNumbers(body).filter((d) => d.text !== headerText);
  if (cited[0] && !headerNumber && !metaNumber) interp.push([1, `正文提到文号“${cited[0].text}”`]);
  const structure = [...new Set(blocks.map((b) => INTERP_STRUCTURE.exec(b)?.[1]).filter((s): s is string => !!s))];
  if (structure.length >= 2) interp.push([2, `正文含解读结构（${structure.slice(0, 3).join('、')}）`]);
  if (blocks.filter((b) => QA_LINE.test(b)).length >= 2) interp.push([1, '正文为问答形式']);

  // A meeting report (“…召开会议”) is news, whatever words it shares with policies.
  const news = !strong && NEWS_TITLE.exec(bareTitle);
  if (news && !titleEnd) {
    policy.push([-2, `标题像新闻报道（“${news[1]}”）`]);
    interp.push([-1, `标题像新闻报道（“${news[1]}”）`]);
  }

  const score = (list: [number, string][]) => list.reduce((s, [w]) => s + w, 0);
  const ps = score(policy);
  const is = score(interp);
  const listPage = isListPage(snapshot);
  let kind: PageKind = 'neither';
  if (listPage) kind = 'neither';
  else if (is >= 3 && (is > ps || (is === ps && !!strong))) kind = 'interpretation';
  else if (ps >= 3) kind = 'policy';
  const order = (list: [number, string][]) => [...list].sort((a, b) => b[0] - a[0]).map(([, r]) => r);
  const reasons = [
    ...new Set(kind === 'policy' ? [...order(policy), ...order(interp)] : [...order(interp), ...order(policy)]),
  ];
  if (listPage) reasons.unshift('页面为栏目列表页，不是文件或解读正文');
  if (kind === 'neither' && !reasons.length) reasons.push('未发现政策文件或解读材料的特征');

  const subject = interpretationSubject(title);
  const refTitles = [...titleRefs];
  if (!refTitles.length && subject !== title && isPolicyLikeTitle(subject)) refTitles.push(subject);
  for (const t of bodyRefs) if (!refTitles.includes(t)) refTitles.push(t);
  const docNumber = metaNumber ?? headerNumber ?? (titleEnd ? findDocNumbers(title)[0] : undefined);
  const dateText = meta.get('成文日期') ?? meta.get('发布日期') ?? snapshot.meta['pubdate'] ?? '';
  return {
    kind,
    scores: { policy: ps, interpretation: is },
    reasons,
    title,
    docNumber: docNumber?.text,
    date: parseDate(dateText),
    innerTitles: titleRefs,
    refTitles,
    refDocNumbers: findDocNumbers(`${title}\n${body}`)
      .map((d) => d.text)
      .filter((t) => t !== docNumber?.text),
  };
}
