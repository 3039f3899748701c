/**
 * After the crawl: read the site map and compare it with the real columns, judge every column list page and the
 * home page, build the policy–interpretation pair table, then store it all — each finding on the page it belongs
 * to (so it also shows when the inspector opens that page), the site-level data per site and quarter.
 */
import { blankVetoFinding, columnBlankFindings } from '@/lib/checks/column-blank';
import { columnDateFindings, columnStaleFindings, homeStaleFinding, staleVetoFindings } from '@/lib/checks/column-stale';
import { sitemapFindings, sitemapUnavailableFinding } from '@/lib/checks/sitemap';
import type { CheckId, CheckResult } from '@/lib/checks/types';
import { savePageResults } from '@/lib/db/findings-store';
import type { InspectorDb } from '@/lib/db/schema';
import { clearSiteCheck, saveSiteResult, SITE_CHECK_ORIGIN, type CrawlSummary, type SitemapResult } from '@/lib/db/site-results-store';
import type { SiteFinding } from '@/lib/interpretation/site-pairs';
import type { PageSnapshot } from '@/lib/scan/snapshot-types';
import { vetoCounters, type ColumnAssessment } from '@/lib/site/column-freshness';
import { columnProfile } from '@/lib/site/column-profile';
import { compareSitemap, type LinkStateInfo } from '@/lib/site/compare-sitemap';
import type { CrawledPageRecord } from '@/lib/site/crawl-types';
import { COMMON_SITEMAP_PATHS, sitemapCandidates } from '@/lib/site/find-sitemap';
import { collectRealColumns, type ColumnEvidence } from '@/lib/site/real-columns';
import { pageKey, siteScope, type SiteScope } from '@/lib/site/site-url';
import type { SitemapTree } from '@/lib/site/sitemap-tree';
import type { PageFetch } from './page-fetch';
import { withoutFurniture, type PageFacts, type SiteCheckState } from './site-check-facts';
import { sitePairs } from './site-check-pairs';

export interface AnalysisDeps {
  db: InspectorDb;
  fetchPage: PageFetch;
  readSitemap: (html: string, url: string) => Promise<{ tree: SitemapTree; snapshot: PageSnapshot }>;
  timeoutMs: number;
  signal: AbortSignal;
  onProgress: (message: string) => void;
}

interface FoundSitemap {
  url: string;
  tree: SitemapTree;
  snapshot: PageSnapshot;
}

/** The first candidate that answers with a page holding a site map (or one drawn as an image / by script). */
async function findSitemap(candidates: string[], deps: AnalysisDeps): Promise<FoundSitemap | undefined> {
  for (const url of candidates) {
    if (deps.signal.aborted) return undefined;
    const got = await deps.fetchPage(url, { credentials: 'include', timeoutMs: deps.timeoutMs, signal: deps.signal });
    if (!got.ok) continue;
    const read = await deps.readSitemap(got.html, got.finalUrl);
    if (read.tree.columns.length > 0 || read.tree.unreadable?.reason !== 'empty') return { url: got.finalUrl, ...read };
  }
  return undefined;
}

/** A page's facts as the snapshot shape `collectRealColumns` reads (its breadcrumb and column name). */
function evidenceOf(f: PageFacts, template: PageSnapshot): ColumnEvidence {
  return {
    snapshot: { ...template, url: f.url, title: f.title, nav: [], links: [], headings: [], breadcrumb: f.breadcrumb, meta: { columnname: f.columnName } },
    isListPage: f.listPage,
  };
}

/** Link states of the crawled URLs: what the site map's entries led to. */
function linkStates(records: readonly CrawledPageRecord[]): Record<string, LinkStateInfo> {
  const out: Record<string, LinkStateInfo> = {};
  for (const r of records) {
    if (r.error) out[r.url] = { state: r.error === 'timeout' ? 'inconclusive' : 'dead', reasonText: r.error };
    else if (r.status >= 400) out[r.url] = { state: 'dead', httpStatus: r.status };
    else out[r.url] = { state: r.finalUrl !== r.url ? 'redirect' : 'ok', httpStatus: r.status };
  }
  return out;
}

/** Columns judged once per page (a column reached as …/ and …/index.html is one). */
function uniqueColumns(pages: readonly PageFacts[], scope: SiteScope): ColumnAssessment[] {
  const byKey = new Map<string, ColumnAssessment>();
  for (const p of pages) if (p.assessment && !byKey.has(pageKey(p.url, scope))) byKey.set(pageKey(p.url, scope), p.assessment);
  return [...byKey.values()];
}

type Placed = { pageUrl: string; pageTitle: string; result: CheckResult };

/** Store findings page by page; each page's stored findings of the checks placed there are replaced. */
async function saveFindings(db: InspectorDb, placed: Placed[], state: SiteCheckState, scope: SiteScope): Promise<number> {
  const byPage = new Map<string, Placed[]>();
  for (const p of placed) {
    const key = pageKey(p.pageUrl, scope);
    byPage.set(key, [...(byPage.get(key) ?? []), p]);
  }
  const now = new Date().toISOString();
  let count = 0;
  for (const group of byPage.values()) {
    const seen = new Set<string>();
    const results = group
      .map((p) => ({ ...p.result, detail: { ...(p.result.detail ?? {}), origin: SITE_CHECK_ORIGIN } }))
      .filter((r) => !seen.has(`${r.check}|${r.subject}`) && seen.add(`${r.check}|${r.subject}`));
    const checks = [...new Set(results.map((r) => r.check))] as CheckId[];
    const first = group[0]!;
    const ctx = { pageUrl: first.pageUrl, pageTitle: first.pageTitle, siteKey: state.site.siteKey, quarter: state.quarter, now };
    await savePageResults(db, results, checks, ctx);
    count += results.length;
  }
  return count;
}

/** Analyses a finished crawl and stores everything. Returns the number of findings stored. */
export async function analyseSite(state: SiteCheckState, records: readonly CrawledPageRecord[], summary: CrawlSummary, deps: AnalysisDeps): Promise<number> {
  const now = new Date(state.now);
  const profile = columnProfile();
  const scope = siteScope(state.queue.config.startUrl, state.queue.config.aliases);
  const homeUrl = state.home?.url ?? state.queue.config.startUrl;
  const titleOf = new Map(state.pages.map((p) => [pageKey(p.url, scope), p.title]));
  const title = (url: string): string => titleOf.get(pageKey(url, scope)) ?? '';
  const placed: Placed[] = [];
  const place = (pageUrl: string, results: CheckResult[]) => placed.push(...results.map((result) => ({ pageUrl, pageTitle: title(pageUrl), result })));

  // 1. The site map against the real columns.
  deps.onProgress('查找并读取网站地图');
  const candidates = state.home ? sitemapCandidates(state.home.links, homeUrl) : COMMON_SITEMAP_PATHS.map((p) => new URL(p, homeUrl).href);
  const sitemap = await findSitemap(candidates, deps);
  const sitemapKey = sitemap ? pageKey(sitemap.url, scope) : '';
  const template = state.home ?? sitemap?.snapshot;
  // Pages reached only through the site map are what the site map claims, not evidence of the real structure.
  const evidence: ColumnEvidence[] = [
    ...(state.home ? [{ snapshot: state.home }] : []),
    ...(template ? state.pages.filter((p) => p.depth > 0 && (!sitemapKey || pageKey(p.from, scope) !== sitemapKey)).map((p) => evidenceOf(p, template)) : []),
  ];
  const realColumns = collectRealColumns(evidence, scope);
  const diffs = sitemap?.tree.columns.length ? compareSitemap(sitemap.tree.columns, realColumns, { scope, linkStates: linkStates(records) }) : [];
  const sitemapResult: SitemapResult = { url: sitemap?.url ?? '', tried: sitemap ? [] : candidates, tree: sitemap?.tree ?? null, realColumns, diffs };
  if (sitemap) {
    titleOf.set(sitemapKey, sitemap.snapshot.title);
    place(sitemap.url, sitemapFindings(diffs));
  }
  const unavailable = sitemapUnavailableFinding(sitemap?.tree, candidates);
  if (unavailable) place(sitemap?.url ?? homeUrl, [unavailable]);

  // 2. Column freshness, the home page, the veto counters, dates.
  deps.onProgress('判断栏目更新情况');
  const columns = uniqueColumns(state.pages, scope);
  const counters = vetoCounters(columns, profile);
  for (const r of [...columnStaleFindings(columns), ...columnBlankFindings(columns)]) place(r.target ?? homeUrl, [r]);
  for (const r of columnDateFindings(columns, now)) place(String(r.detail?.['column'] ?? homeUrl), [r]);
  for (const p of state.pages) if (p.dates) place(p.url, p.dates);
  const home = state.homeFreshness ? homeStaleFinding(state.homeFreshness, homeUrl) : undefined;
  const blankVeto = blankVetoFinding(counters);
  place(homeUrl, [...(home ? [home] : []), ...staleVetoFindings(counters), ...(blankVeto ? [blankVeto] : [])]);

  // 3. Policies and their interpretations.
  const homeLists = new Set(state.homeLists ?? []);
  deps.onProgress('读取政策文件与解读');
  const pairs = await sitePairs([...(state.home ? [state.home] : []), ...(sitemap ? [sitemap.snapshot] : [])], {
    fetchPage: deps.fetchPage,
    timeoutMs: deps.timeoutMs,
    signal: deps.signal,
    onProgress: deps.onProgress,
    withoutFurniture: (snapshot) => withoutFurniture(snapshot, homeLists),
  });
  for (const f of pairs.findings as SiteFinding[]) placed.push(f);
  if (deps.signal.aborted) return 0;

  // 4. Replace the previous run's results.
  deps.onProgress('保存检查结果');
  await clearSiteCheck(deps.db, state.site.siteKey, state.quarter);
  const stored = await saveFindings(deps.db, placed, state, scope);
  const at = new Date().toISOString();
  const { siteKey } = state.site;
  await saveSiteResult(deps.db, siteKey, state.quarter, 'sitemap', sitemapResult, at);
  await saveSiteResult(deps.db, siteKey, state.quarter, 'columns', { columns, home: state.homeFreshness ?? null, counters, crawl: summary }, at);
  await saveSiteResult(deps.db, siteKey, state.quarter, 'pairs', pairs.result, at);
  return stored;
}
