/**
 * The links that tie a policy to its interpretation and back: a 相关解读 box or a “解读” link on the policy,
 * a 政策原文 / 原文链接 link or a link named like the cited policy on the interpretation.
 * Navigation, header and footer links to whole columns (the nav item “政策解读”) are never taken.
 */
import type { LinkInfo, NavItem, PageSnapshot } from '../scan/snapshot-types';
import { findDocNumbers, sameDocNumber } from './doc-number';
import { isPolicyLikeTitle, normTitle, titleSimilarity } from './titles';
import { kindOfPath } from './site-columns';
import { isFileUrl, isListLikeUrl, isSearchUrl, sameUrl, urlKey } from './urls';

export type TargetKind = 'page' | 'file' | 'search';

export interface RelatedLink {
  url: string;
  text: string;
  context?: string;
  /** Element ref in the page, for markers. */
  ref: number;
  /** Why the link was taken, in Chinese. */
  reason: string;
  /** A page to fetch and classify, a file (PDF/Word…) or a site-search page. */
  target: TargetKind;
}

const INTERP_CONTEXT = /(相关解读|政策解读|解读材料|解读文件|文件解读|本文解读|解读链接|图文解读|视频解读|音频解读|图解|解读)/;
const POLICY_CONTEXT = /(政策原文|原文链接|文件原文|相关文件|关联文件|相关政策|原文|政策文件|相关链接)/;
const SPECIFIC_POLICY_CONTEXT = /(政策原文|原文链接|文件原文|相关文件|关联文件|原文)/;
// Side boxes that list the newest items of a whole column, not this document's partner.
const GENERIC_CONTEXT = /(热点|最新|推荐|排行|热门|更多|往期|精彩|专题|导航|友情)/;
const INTERP_TEXT = /(解读|图解|一图读懂|一图看懂|答记者问)/;
const POLICY_TEXT = /^(?:点击)?(?:查看)?(?:政策原文|原文链接|文件原文|原文|相关文件|原文件)/;
const MORE_TEXT = /^(更多|more|>>|»|查看更多|更多>>)/i;
const COLUMN_NAME = /^(政策解读|政策文件|解读|图解|规范性文件|政府文件|政策法规|文件|解读回应|政策问答)$/;

function collectNav(items: NavItem[], out: string[]): string[] {
  for (const item of items) {
    if (item.url) out.push(urlKey(item.url));
    collectNav(item.children, out);
  }
  return out;
}

/** Links a reader can follow from the page body: no nav/header/footer, no column entries, no self-links. */
function bodyLinks(snapshot: PageSnapshot): LinkInfo[] {
  const columnUrls = new Set([
    ...collectNav(snapshot.nav, []),
    ...snapshot.breadcrumb.map((c) => urlKey(c.url)),
  ]);
  columnUrls.delete('');
  return snapshot.links.filter((l) => {
    if (l.kind !== 'a' && l.kind !== 'area') return false;
    if (l.region === 'nav' || l.region === 'header' || l.region === 'footer') return false;
    if (!urlKey(l.url) || sameUrl(l.url, snapshot.url) || l.hidden.length) return false;
    const text = l.text.trim();
    if (MORE_TEXT.test(text)) return false;
    if (columnUrls.has(urlKey(l.url))) return false;
    // “政策解读” pointing at /zcjd/ is the column; pointing at an article it is the partner.
    if (COLUMN_NAME.test(text) && isListLikeUrl(l.url) && !isSearchUrl(l.url)) return false;
    return true;
  });
}

function targetOf(url: string): TargetKind {
  if (isSearchUrl(url)) return 'search';
  if (isFileUrl(url)) return 'file';
  return 'page';
}

function related(l: LinkInfo, reason: string): RelatedLink {
  return { url: l.url, text: l.text.trim(), context: l.context, ref: l.ref, reason, target: targetOf(l.url) };
}

function dedupe(links: RelatedLink[]): RelatedLink[] {
  const seen = new Set<string>();
  return links.filter((l) => {
    const k = urlKey(l.url);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** On a policy page: links to its interpretation(s). */
export function findInterpretationLinks(snapshot: PageSnapshot): RelatedLink[] {
  const out: RelatedLink[] = [];
  for (const l of bodyLinks(snapshot)) {
    const context = (l.context ?? '').trim();
    const generic = GENERIC_CONTEXT.test(context);
    const ctx = INTERP_CONTEXT.exec(context);
    const txt = INTERP_TEXT.exec(l.text);
    if (ctx && !generic) out.push(related(l, `位于“${context}”栏框`));
    else if (txt && l.region === 'main' && !generic) out.push(related(l, `链接文字含“${txt[1]}”`));
    // “相关解读：<a>…十问十答</a>” on one line leaves no box title; the target's column (/zcjd/) tells.
    else if (l.region === 'main' && !generic && !isListLikeUrl(l.url) && kindOfPath(l.url) === 'interpretation') {
      out.push(related(l, '链接指向政策解读栏目的文章'));
    }
  }
  return dedupe(out);
}

/**
 * On an interpretation page: links back to the policy. `refTitles` / `refDocNumbers` are the policy titles and
 * 文号s the interpretation cites (from `classifyPage`); a link whose text names one of them counts.
 */
export function findPolicyLinks(
  snapshot: PageSnapshot,
  refTitles: string[],
  refDocNumbers: string[] = [],
): RelatedLink[] {
  const numbers = refDocNumbers.flatMap((t) => findDocNumbers(t));
  const out: RelatedLink[] = [];
  for (const l of bodyLinks(snapshot)) {
    const context = (l.context ?? '').trim();
    const text = l.text.trim();
    const specific = SPECIFIC_POLICY_CONTEXT.test(context);
    const ctx = POLICY_CONTEXT.exec(context);
    if (ctx && (specific || (l.region === 'main' && !GENERIC_CONTEXT.test(context)))) {
      out.push(related(l, `位于“${context}”栏框`));
      continue;
    }
    const word = POLICY_TEXT.exec(text);
    if (word) {
      out.push(related(l, `链接文字为“${word[0]}”`));
      continue;
    }
    if (l.region !== 'main' || INTERP_TEXT.test(text)) continue;
    const named = refTitles.find(
      (t) => isPolicyLikeTitle(t) && (normTitle(t) === normTitle(text) || titleSimilarity(t, text) >= 0.85),
    );
    if (named) {
      out.push(related(l, `链接文字与所引文件《${named}》一致`));
      continue;
    }
    const num = findDocNumbers(text).find((d) => numbers.some((n) => sameDocNumber(n, d)));
    if (num) out.push(related(l, `链接文字含所引文号“${num.text}”`));
    else if (!isListLikeUrl(l.url) && kindOfPath(l.url) === 'policy') out.push(related(l, '链接指向政策文件栏目的文章'));
  }
  return dedupe(out);
}
