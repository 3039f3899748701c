/**
 * Persisted site-wide crawls (全站检查): one record per site and quarter (`${siteKey}|${quarter}`), written as the
 * crawl goes so a stopped MV3 service worker can resume it, and read by the side panel for progress.
 */
import type { CrawlRecord } from './records';
import type { InspectorDb } from './schema';

/** The id of a site's crawl in a quarter; a re-run reuses it, so it replaces the previous crawl. */
export function crawlId(siteKey: string, quarter: string): string {
  return `${siteKey}|${quarter}`;
}

export async function getCrawl(db: InspectorDb, siteKey: string, quarter: string): Promise<CrawlRecord | undefined> {
  return db.crawls.get(crawlId(siteKey, quarter));
}

export async function putCrawl(db: InspectorDb, record: CrawlRecord): Promise<void> {
  await db.crawls.put(record);
}

/** Update some fields of a stored crawl; false when there is none (it was replaced or deleted meanwhile). */
export async function updateCrawl(db: InspectorDb, id: string, changes: Partial<Omit<CrawlRecord, 'id'>>): Promise<boolean> {
  return (await db.crawls.update(id, changes)) > 0;
}

/** Crawls that were running when the service worker stopped: to be resumed on its next start. */
export async function runningCrawls(db: InspectorDb): Promise<CrawlRecord[]> {
  return db.crawls.where('status').equals('running').toArray();
}
