/**
 * The site's policy–interpretation pair table (issue 5, across the site): find the policy and interpretation
 * columns (navigation, site map, URL patterns), walk their lists with pagination (bounded, loop-safe), read every
 * listed document, follow the related links that lead outside the lists, and build the five-category table.
 * Fetches go through the page fetch (GBK decoded, parsed offscreen), four at a time.
 */
import type { TargetResult } from '@/lib/interpretation/check-pair';
import { ListCrawl, type CrawlItem } from '@/lib/interpretation/list-crawl';
import { findPolicyColumns } from '@/lib/interpretation/site-columns';
import { buildPairTable, pairTableFindings, pairTargets, type SiteFinding, type SitePage } from '@/lib/interpretation/site-pairs';
import type { PairsResult } from '@/lib/db/site-results-store';
import type { PageSnapshot } from '@/lib/scan/snapshot-types';
import { targetResultOf, type FetchedPage, type PageFetch } from './page-fetch';

export interface PairDeps {
  fetchPage: PageFetch;
  timeoutMs: number;
  signal: AbortSignal;
  onProgress: (message: string) => void;
  /** The list page without the side boxes every page repeats (they would read as the column's items). */
  withoutFurniture: (snapshot: PageSnapshot) => PageSnapshot;
}

const CONCURRENCY = 4;
/** Documents read per site: the lists of a big site run to thousands; the table covers the newest ones. */
const MAX_ITEMS = 400;

/** Runs `work` over `items`, `CONCURRENCY` at a time, in order of the results. */
async function pool<T, R>(items: readonly T[], work: (item: T) => Promise<R>, signal: AbortSignal): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !signal.aborted) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return out;
}

function get(deps: PairDeps, url: string): Promise<FetchedPage> {
  return deps.fetchPage(url, { credentials: 'include', timeoutMs: deps.timeoutMs, signal: deps.signal });
}

/** The pair table of the site and the findings it implies. `pages`: the home page and, when found, the site map. */
export async function sitePairs(pages: PageSnapshot[], deps: PairDeps): Promise<{ result: PairsResult; findings: SiteFinding[] }> {
  const columns = findPolicyColumns(pages);
  const lists = new ListCrawl(columns, { maxPages: 60, maxItems: MAX_ITEMS });
  for (let next = lists.next(); next && !deps.signal.aborted; next = lists.next()) {
    const got = await get(deps, next.url);
    lists.accept(next.url, got.ok ? deps.withoutFurniture(got.snapshot) : null);
    const p = lists.progress();
    deps.onProgress(`读取政策文件与解读栏目列表：${p.pagesFetched} 页，${p.items} 篇`);
  }
  const items = lists.items();
  const docs = await pool(
    items,
    async (item: CrawlItem): Promise<SitePage | undefined> => {
      const got = await get(deps, item.url);
      return got.ok ? { snapshot: got.snapshot, column: item.kind } : undefined;
    },
    deps.signal,
  );
  const sitePages = docs.filter((d): d is SitePage => d !== undefined);
  deps.onProgress(`读取相关链接：已读取 ${sitePages.length} 篇文件与解读`);
  const failures = new Map<string, TargetResult>();
  const targets = await pool(
    pairTargets(sitePages),
    async (url) => {
      const got = await get(deps, url);
      if (got.ok) return { snapshot: got.snapshot };
      failures.set(url, targetResultOf(got));
      return undefined;
    },
    deps.signal,
  );
  for (const t of targets) if (t) sitePages.push(t);
  const rows = buildPairTable(sitePages, failures);
  const progress = lists.progress();
  return {
    result: { columns, rows, listPages: progress.pagesFetched, items: items.length, stopped: progress.stopped ?? 'done', loops: progress.loops },
    findings: pairTableFindings(rows),
  };
}
