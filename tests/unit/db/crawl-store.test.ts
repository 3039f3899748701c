import { describe, expect, it } from 'vitest';
import { freshDatabases } from '../../support/fresh-db';
import { crawlId, getCrawl, putCrawl, runningCrawls, updateCrawl } from '@/lib/db/crawl-store';
import type { CrawlRecord } from '@/lib/db/records';
import { CrawlQueue } from '@/lib/site/crawl-queue';

const freshDb = freshDatabases('crawls');

const record = (siteKey: string, quarter: string, status: CrawlRecord['status'], updatedAt = '2026-11-20T08:00:00Z'): CrawlRecord => ({
  id: crawlId(siteKey, quarter),
  siteKey,
  quarter,
  status,
  state: new CrawlQueue({ startUrl: 'http://www.qs.gov.cn/' }).toJSON(),
  progress: { pagesDone: 0, pagesQueued: 1, errors: 0 },
  message: '',
  startedAt: updatedAt,
  updatedAt,
});

describe('crawl store', () => {
  it('keeps one crawl per site and quarter: a re-run replaces the previous one', async () => {
    const db = freshDb();
    await putCrawl(db, record('site-1', '2026Q4', 'done'));
    await putCrawl(db, record('site-1', '2026Q4', 'running'));
    expect(await db.crawls.count()).toBe(1);
    expect((await getCrawl(db, 'site-1', '2026Q4'))?.status).toBe('running');
    expect(crawlId('site-1', '2026Q4')).toBe('site-1|2026Q4');
  });

  it('finds the crawls left running, to resume them when the worker starts again', async () => {
    const db = freshDb();
    await putCrawl(db, record('site-1', '2026Q4', 'running'));
    await putCrawl(db, record('site-2', '2026Q4', 'done'));
    await putCrawl(db, record('site-3', '2026Q4', 'site-down'));
    expect((await runningCrawls(db)).map((r) => r.siteKey)).toEqual(['site-1']);
  });

  it('stores the queue state so a crawl restored from it goes on where it stopped', async () => {
    const db = freshDb();
    const queue = new CrawlQueue({ startUrl: 'http://www.qs.gov.cn/' });
    queue.add('http://www.qs.gov.cn/zwgk/', 1, 'http://www.qs.gov.cn/');
    await putCrawl(db, { ...record('site-1', '2026Q4', 'running'), state: queue.toJSON() });
    const stored = await getCrawl(db, 'site-1', '2026Q4');
    const restored = CrawlQueue.fromJSON(stored?.state as ReturnType<CrawlQueue['toJSON']>);
    expect(restored.progress().queued).toBe(2);
    expect(restored.add('http://qs.gov.cn/zwgk/index.html', 1, '')).toBe('seen');
  });

  it('updates some fields, and says when the crawl is gone', async () => {
    const db = freshDb();
    await putCrawl(db, record('site-1', '2026Q4', 'running'));
    expect(await updateCrawl(db, crawlId('site-1', '2026Q4'), { status: 'cancelled', message: '已取消全站检查' })).toBe(true);
    expect(await getCrawl(db, 'site-1', '2026Q4')).toMatchObject({ status: 'cancelled', message: '已取消全站检查' });
    expect(await updateCrawl(db, crawlId('site-9', '2026Q4'), { status: 'done' })).toBe(false);
  });

});
