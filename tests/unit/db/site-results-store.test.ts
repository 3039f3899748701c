import { describe, expect, it } from 'vitest';
import { freshDatabases } from '../../support/fresh-db';
import type { CheckResult } from '@/lib/checks/types';
import { savePageResults, setFindingStatus } from '@/lib/db/findings-store';
import {
  clearSiteCheck, saveSiteResult, SITE_CHECK_ORIGIN, siteCheckFindings, siteResultsFor, type ColumnsResult, type PairsResult,
} from '@/lib/db/site-results-store';
import { vetoCounters } from '@/lib/site/column-freshness';
import { columnProfile } from '@/lib/site/column-profile';

const freshDb = freshDatabases('site-results');

const NOW = '2026-11-20T08:00:00Z';
const ctx = (pageUrl: string, quarter = '2026Q4') => ({ pageUrl, pageTitle: '页面', siteKey: 'site-1', quarter, now: NOW });
const finding = (check: CheckResult['check'], subject: string, origin?: string): CheckResult => ({
  check, severity: 'major', subject, message: subject, excerpt: '', ...(origin ? { detail: { origin } } : {}),
});
const columns = (): ColumnsResult => ({
  columns: [],
  home: null,
  counters: vetoCounters([], columnProfile()),
  crawl: {
    startUrl: 'http://www.qs.gov.cn/', status: 'done', pagesDone: 12, failed: 1, startedAt: NOW, finishedAt: NOW, notes: [],
    skipped: { offsite: 0, 'non-page': 0, action: 1, search: 2, trap: 3, depth: 0, limit: 0, pattern: 0 },
  },
});
const pairs = (n: number): PairsResult => ({ columns: [], rows: [], listPages: n, items: 0, stopped: 'done', loops: [] });

describe('site results store', () => {
  it('keeps each kind per site and quarter, and a new result replaces the old one', async () => {
    const db = freshDb();
    await saveSiteResult(db, 'site-1', '2026Q4', 'pairs', pairs(1), NOW);
    await saveSiteResult(db, 'site-1', '2026Q4', 'pairs', pairs(2), '2026-11-21T08:00:00Z');
    await saveSiteResult(db, 'site-1', '2026Q4', 'columns', columns(), NOW);
    await saveSiteResult(db, 'site-1', '2026Q3', 'pairs', pairs(9), NOW);
    await saveSiteResult(db, 'site-2', '2026Q4', 'pairs', pairs(8), NOW);
    const got = await siteResultsFor(db, 'site-1', '2026Q4');
    expect(got.pairs?.listPages).toBe(2);
    expect(got.columns?.crawl.pagesDone).toBe(12);
    expect(got.sitemap).toBeUndefined();
    expect(got.updatedAt).toBe('2026-11-21T08:00:00Z');
    expect(await siteResultsFor(db, 'site-3', '2026Q4')).toEqual({});
  });

  it('a re-run removes the undecided findings of the last run, keeps decided ones and page-check findings', async () => {
    const db = freshDb();
    await savePageResults(db, [finding('sitemap', '网站地图缺少：规划计划'), finding('sitemap', '名称不一致：部门动态')], ['sitemap'], ctx('http://www.qs.gov.cn/sitemap.html'));
    await savePageResults(
      db,
      [finding('date-anomaly', '2106年3月12日', SITE_CHECK_ORIGIN), finding('date-anomaly', '2026年2月30日')],
      ['date-anomaly'],
      ctx('http://www.qs.gov.cn/xwzx/qxdt/'),
    );
    await savePageResults(db, [finding('column-blank', '在线访谈')], ['column-blank'], ctx('http://www.qs.gov.cn/hdjl/zxft/', '2026Q3'));
    await saveSiteResult(db, 'site-1', '2026Q4', 'pairs', pairs(1), NOW);
    const decided = (await db.findings.toArray()).find((f) => f.subject === '名称不一致：部门动态');
    await setFindingStatus(db, decided!.id, 'confirmed', '', NOW);

    expect((await siteCheckFindings(db, 'site-1', '2026Q4')).map((f) => f.subject).sort()).toEqual(['名称不一致：部门动态', '网站地图缺少：规划计划']);
    expect(await clearSiteCheck(db, 'site-1', '2026Q4')).toBe(2);
    const left = (await db.findings.toArray()).map((f) => `${f.quarter} ${f.subject}`).sort();
    expect(left).toEqual(['2026Q3 在线访谈', '2026Q4 2026年2月30日', '2026Q4 名称不一致：部门动态']);
    expect(await siteResultsFor(db, 'site-1', '2026Q4')).toEqual({});
  });
});
