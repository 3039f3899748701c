/**
 * Site-level results of the site-wide check (全站检查), one record per site, quarter and kind: the site map
 * comparison, the column freshness with the veto counters and the crawl summary, and the policy–interpretation pair
 * table. A re-run replaces them, and also removes the undecided findings the previous run stored.
 */
import type { CheckId, Finding } from '../checks/types';
import type { ColumnRef } from '../interpretation/site-columns';
import type { PairRow } from '../interpretation/site-pairs';
import type { ColumnAssessment, HomeFreshness, VetoCounters } from '../site/column-freshness';
import type { SitemapDiff } from '../site/compare-sitemap';
import type { SkipReason } from '../site/crawl-rules';
import type { RealColumn } from '../site/real-columns';
import type { SitemapTree } from '../site/sitemap-tree';
import { siteResultId, type SiteResultRecord } from './records';
import type { InspectorDb } from './schema';

/** What the crawl did, for the site summary. */
export interface CrawlSummary {
  startUrl: string;
  status: string;
  pagesDone: number;
  failed: number;
  skipped: Record<SkipReason, number>;
  startedAt: string;
  finishedAt: string;
  /** Things the inspector should know (script-built menus, redirects to another host …), in Chinese. */
  notes: string[];
}

/** kind 'sitemap': where the site map is, its tree, the real columns and the differences. */
export interface SitemapResult {
  /** The site map page read, '' when none was found. */
  url: string;
  tried: string[];
  tree: SitemapTree | null;
  realColumns: RealColumn[];
  diffs: SitemapDiff[];
}

/** kind 'columns': every assessed column list page, the home page, the SV-W4 counters and the crawl summary. */
export interface ColumnsResult {
  columns: ColumnAssessment[];
  home: HomeFreshness | null;
  counters: VetoCounters;
  crawl: CrawlSummary;
}

/** kind 'pairs': the policy and interpretation columns found and the pair table. */
export interface PairsResult {
  columns: ColumnRef[];
  rows: PairRow[];
  listPages: number;
  items: number;
  /** Why the list crawl stopped (done, max-pages …) and the list pages that looped. */
  stopped: string;
  loops: string[];
}

export interface SiteResults {
  sitemap?: SitemapResult;
  columns?: ColumnsResult;
  pairs?: PairsResult;
  updatedAt?: string;
}

type KindData = { sitemap: SitemapResult; columns: ColumnsResult; pairs: PairsResult };

/** Checks whose findings only the site-wide check produces. */
export const SITE_ONLY_CHECKS: CheckId[] = ['sitemap', 'column-stale', 'column-blank'];
/** Marker in `detail.origin` of findings the site-wide check stored for checks that also run on single pages. */
export const SITE_CHECK_ORIGIN = 'site-check';


/** Store one kind of site-level result (replacing the previous one). */
export async function saveSiteResult<K extends keyof KindData>(
  db: InspectorDb,
  siteKey: string,
  quarter: string,
  kind: K,
  data: KindData[K],
  now: string,
): Promise<void> {
  await db.siteResults.put({ id: siteResultId(siteKey, quarter, kind), siteKey, quarter, kind, data, updatedAt: now });
}

/** All site-level results of a site in a quarter (missing kinds are absent). */
export async function siteResultsFor(db: InspectorDb, siteKey: string, quarter: string): Promise<SiteResults> {
  const records = await db.siteResults.where('[siteKey+quarter]').equals([siteKey, quarter]).toArray();
  const out: SiteResults = {};
  for (const r of records) {
    if (r.kind === 'sitemap') out.sitemap = r.data as SitemapResult;
    else if (r.kind === 'columns') out.columns = r.data as ColumnsResult;
    else if (r.kind === 'pairs') out.pairs = r.data as PairsResult;
    if (!out.updatedAt || r.updatedAt > out.updatedAt) out.updatedAt = r.updatedAt;
  }
  return out;
}

function storedBySiteCheck(f: Finding): boolean {
  return SITE_ONLY_CHECKS.includes(f.check) || f.detail?.['origin'] === SITE_CHECK_ORIGIN;
}

/**
 * Before a re-run: drop the previous site-level results and the undecided findings the previous run stored
 * (decided ones stay, as everywhere). Returns how many findings were removed.
 */
export async function clearSiteCheck(db: InspectorDb, siteKey: string, quarter: string): Promise<number> {
  return db.transaction('rw', db.findings, db.siteResults, async () => {
    await db.siteResults.where('[siteKey+quarter]').equals([siteKey, quarter]).delete();
    const stale = await db.findings
      .where('[siteKey+quarter]')
      .equals([siteKey, quarter])
      .filter((f) => f.status === 'open' && storedBySiteCheck(f))
      .primaryKeys();
    await db.findings.bulkDelete(stale);
    return stale.length;
  });
}

/** Findings of the site-level checks of a site in a quarter, for the results view. */
export async function siteCheckFindings(db: InspectorDb, siteKey: string, quarter: string): Promise<Finding[]> {
  const all = await db.findings.where('[siteKey+quarter]').equals([siteKey, quarter]).toArray();
  return all.filter((f) => SITE_ONLY_CHECKS.includes(f.check) || (f.check === 'interpretation' && f.detail?.['origin'] === SITE_CHECK_ORIGIN));
}
