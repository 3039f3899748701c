/**
 * What the site-wide check keeps of each crawled page, and the persisted state of a run. A crawl reads up to 500
 * pages: keeping their snapshots would not fit in a stored record, so each page is reduced, as it arrives, to the
 * few facts the analysis needs (breadcrumb, column freshness, date anomalies). Everything is JSON-safe, so a run
 * resumes from its stored record after the service worker was stopped.
 */
import type { CheckResult } from '@/lib/checks/types';
import { dateAnomalyCheck } from '@/lib/checks/date-anomaly';
import { assessColumn, type ColumnAssessment, type HomeFreshness } from '@/lib/site/column-freshness';
import type { ColumnProfile } from '@/lib/site/column-profile';
import type { CrawlState } from '@/lib/site/crawl-types';
import { isColumnName } from '@/lib/site/column-name';
import { listPageName } from '@/lib/site/real-columns';
import type { PageSnapshot } from '@/lib/scan/snapshot-types';

/** One crawled page (2xx, HTML, on the site), reduced. */
export interface PageFacts {
  url: string;
  title: string;
  depth: number;
  /** The page the crawl found it on. */
  from: string;
  breadcrumb: PageSnapshot['breadcrumb'];
  /** Judged a column list page (first page of a column, not a later page of its pager). */
  listPage: boolean;
  columnName: string;
  assessment?: ColumnAssessment;
  /** date-anomaly results of the page itself (text locations dropped: they belong to this parse only). */
  dates?: CheckResult[];
}

export interface SiteCheckSite {
  siteKey: string;
  name: string;
  homeUrl: string;
  aliases: string[];
}

/** The persisted state of a run (`CrawlRecord.state`). */
export interface SiteCheckState {
  format: 'gov-site-inspector.site-check';
  version: 1;
  site: SiteCheckSite;
  quarter: string;
  /** “Today” of the run (ISO): dates are judged against it, also after a resume. */
  now: string;
  phase: 'crawl' | 'analyse';
  queue: CrawlState;
  pages: PageFacts[];
  /** The home page without its text (nav and links for site-map search and the policy columns). */
  home: PageSnapshot | null;
  /** `listKeys` of the home page: its side boxes, recognised again on other pages. */
  homeLists?: string[];
  /** Newest dated item of the home page (首页不更新), read from the whole home page. */
  homeFreshness?: HomeFreshness;
  /** The rendered DOM of the home page taken from the inspector's tab, for menus built by script. */
  renderedHome?: string;
  notes: string[];
  /** How many times the run was resumed after the worker stopped. */
  resumes: number;
}

/** Later pages of a pager (index_2.html, list_3.htm, ?page=2): the column is judged on its first page only. */
export function isPagerPage(url: string): boolean {
  try {
    const u = new URL(url);
    if (/(?:^|\/)(?:index|default|list|page)_\d+\.\w+$/i.test(u.pathname)) return true;
    for (const key of ['page', 'pageNo', 'pageIndex', 'currentPage', 'pageNum', 'p']) {
      const v = u.searchParams.get(key);
      if (v && /^\d+$/.test(v) && Number(v) > 1) return true;
    }
    return false;
  } catch {
    return false;
  }
}

/** URLs CMS templates give column list pages: …/ , …/index.html, …/list.htm, TRS /col/col123/, ?channelid= … */
export function looksLikeColumnUrl(url: string): boolean {
  try {
    const u = new URL(url);
    if ([...u.searchParams.keys()].some((k) => /^(?:channel(?:id)?|catid|columnid|colid|cid|classid|lmid)$/i.test(k))) return true;
    if (u.pathname.endsWith('/') && u.pathname !== '/') return true;
    if (/\/col\/col\d+/i.test(u.pathname)) return true;
    return /\/(?:index|default|list|more)\.\w+$/i.test(u.pathname) && u.pathname.split('/').length > 2;
  } catch {
    return false;
  }
}

const PAGER = /(下一页|尾页|末页|共\s*\d+\s*页)/;
const MORE = /^(?:更多|查看更多|more|进入)/i;

/** Links in the main content that are not the breadcrumb: an “empty” page that still points somewhere is no blank column. */
function contentLinks(snapshot: PageSnapshot): number {
  const crumbs = new Set(snapshot.breadcrumb.map((c) => c.url));
  return snapshot.links.filter((l) => l.kind === 'a' && l.region === 'main' && !crumbs.has(l.url)).length;
}

/**
 * Several “更多” links into this page's own sub-folders: an overview of its sub-columns (政务公开, 办事服务), judged
 * through those columns. (Box title bars are often named “…-head”, so their links may read as header links.)
 */
function isOverview(snapshot: PageSnapshot): boolean {
  const folder = new URL(snapshot.url).pathname.replace(/[^/]*$/, '');
  const into = snapshot.links.filter((l) => {
    if (l.region === 'nav' || l.region === 'footer' || !MORE.test(l.text.trim())) return false;
    try {
      const path = new URL(l.url).pathname;
      return path.startsWith(folder) && path.replace(/[^/]*$/, '') !== folder;
    } catch {
      return false;
    }
  });
  return into.length >= 2;
}

/**
 * Whether an assessed page is a column list page: a column-like URL with a list or a blank-column marker, or a
 * long paged list anywhere. Articles (with a short 相关文章 list, or a short body such as 一图读懂) are not.
 */
function judgeListPage(snapshot: PageSnapshot, a: ColumnAssessment): boolean {
  if (isPagerPage(snapshot.url) || !isColumnName(a.name)) return false;
  if (isOverview(snapshot)) return false;
  const columnUrl = looksLikeColumnUrl(snapshot.url);
  if (a.state === 'blank') return columnUrl && (a.blankReason !== 'no-items' || contentLinks(snapshot) === 0);
  if (a.state === 'not-a-list') return false;
  if (columnUrl) return a.items >= 1;
  return a.items >= 8 && snapshot.blocks.some((b) => b.region === 'main' && PAGER.test(b.text));
}

const withoutLocation = (r: CheckResult): CheckResult => {
  const { location: _dropped, ...rest } = r;
  return rest;
};

/** Each list of a page as the sorted set of its links (how a side box repeated on every page is recognised). */
export function listKeys(snapshot: PageSnapshot): string[] {
  const groups = new Map<number, Set<string>>();
  for (const item of snapshot.listItems) if (item.url) groups.set(item.list, (groups.get(item.list) ?? new Set()).add(item.url));
  return [...groups.values()].map((urls) => [...urls].sort().join('\n'));
}

/**
 * The page without the side boxes it shares with the home page (政务服务, 专题专栏 …): without layout they read as
 * main content, and a blank column would otherwise look like a list of those links. Only undated lists whose links
 * are exactly those of a home-page list are dropped, so a column's own items always stay.
 */
export function withoutFurniture(snapshot: PageSnapshot, homeLists: ReadonlySet<string>): PageSnapshot {
  if (homeLists.size === 0) return snapshot;
  const groups = new Map<number, PageSnapshot['listItems']>();
  for (const item of snapshot.listItems) groups.set(item.list, [...(groups.get(item.list) ?? []), item]);
  const dropped = new Set<number>();
  for (const [list, items] of groups) {
    const key = [...new Set(items.map((i) => i.url))].sort().join('\n');
    if (homeLists.has(key) && items.every((i) => !i.dateAttr && !/\d{1,2}[-/.月]\d{1,2}/.test(i.text))) dropped.add(list);
  }
  if (dropped.size === 0) return snapshot;
  const items = snapshot.listItems.filter((i) => dropped.has(i.list));
  const texts = new Set(items.map((i) => i.text.trim()));
  const urls = new Set(items.map((i) => i.url));
  return {
    ...snapshot,
    listItems: snapshot.listItems.filter((i) => !dropped.has(i.list)),
    blocks: snapshot.blocks.filter((b) => !(b.region === 'main' && texts.has(b.text.trim()))),
    links: snapshot.links.filter((l) => !(l.region === 'main' && urls.has(l.url))),
  };
}

/**
 * The facts of one crawled page. The home page (depth 0) is not a column. `homeLists`: `listKeys` of the home page.
 */
export function pageFactsOf(
  fullSnapshot: PageSnapshot,
  page: { depth: number; from: string },
  now: Date,
  profile: ColumnProfile,
  homeLists: ReadonlySet<string> = new Set(),
): PageFacts {
  const snapshot = page.depth === 0 ? fullSnapshot : withoutFurniture(fullSnapshot, homeLists);
  const facts: PageFacts = {
    url: snapshot.url,
    title: snapshot.title,
    depth: page.depth,
    from: page.from,
    breadcrumb: snapshot.breadcrumb,
    listPage: false,
    columnName: '',
  };
  const dates = dateAnomalyCheck.run(snapshot, { now }).map(withoutLocation);
  if (dates.length) facts.dates = dates;
  if (page.depth === 0) return facts;
  const name = listPageName(snapshot);
  const level = Math.max(1, snapshot.breadcrumb.filter((c) => isColumnName(c.text)).length);
  const assessment = assessColumn({ name, url: snapshot.url, level, snapshot }, now, profile);
  if (judgeListPage(snapshot, assessment)) {
    facts.listPage = true;
    facts.columnName = name;
    facts.assessment = assessment;
  }
  return facts;
}

/** The home page kept for the analysis: its menus and links, without text, lists and tables. */
export function slimSnapshot(snapshot: PageSnapshot): PageSnapshot {
  return { ...snapshot, blocks: [], listItems: [], tables: [], scripts: [], anchors: [], footerText: '' };
}
