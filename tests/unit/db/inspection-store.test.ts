import { describe, expect, it } from 'vitest';
import type { Finding } from '@/lib/checks/types';
import {
  addSite,
  copySiteList,
  importSites,
  quarterSites,
  quartersWithData,
  recordCheckedPage,
  siteProgress,
  updateInspection,
} from '@/lib/db/inspection-store';
import { inspectionId } from '@/lib/db/records';
import { setItemStatus } from '@/lib/inspection/checklist';
import { buildPreview } from '@/lib/site-list';
import { freshDatabases } from '../../support/fresh-db';

const NOW = '2026-11-20T08:00:00.000Z';
let counter = 0;
const ids = () => `site-${++counter}`;
const openDb = freshDatabases('insp');

function finding(over: Partial<Finding>): Finding {
  return {
    id: `2026Q4|${Math.random()}`, key: 'k', siteKey: 'site-1', quarter: '2026Q4', pageUrl: 'http://a.gov.cn/', pageTitle: '',
    check: 'identity', severity: 'major', message: 'm', subject: 's', excerpt: '', status: 'open', firstSeen: NOW, lastSeen: NOW,
    ...over,
  };
}

describe('addSite', () => {
  it('stores a normalised site with a fresh checklist for the quarter', async () => {
    const db = openDb();
    const { site, created } = await addSite(db, { name: ' 青山市人民政府 ', homeUrl: 'www.qingshan.gov.cn', siteCode: '3702000001' }, '2026Q4', NOW, ids);
    expect(created).toBe(true);
    expect(site.name).toBe('青山市人民政府');
    expect(site.homeUrl).toMatch(/^http:\/\/www\.qingshan\.gov\.cn\/?$/);
    const rows = await quarterSites(db, '2026Q4');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.inspection.checklist.length).toBeGreaterThan(10);
    expect(rows[0]?.inspection.checklist.every((c) => c.status === 'unchecked')).toBe(true);
  });

  it('reuses a stored site with the same URL in another quarter and rejects a code owned by another site', async () => {
    const db = openDb();
    const first = await addSite(db, { name: '甲', homeUrl: 'http://a.gov.cn/', siteCode: '' }, '2026Q3', NOW, ids);
    const again = await addSite(db, { name: '甲', homeUrl: 'https://www.a.gov.cn', siteCode: '3702000001' }, '2026Q4', NOW, ids);
    expect(again.created).toBe(false);
    expect(again.site.id).toBe(first.site.id);
    expect(again.site.siteCode).toBe('3702000001');
    expect(await db.sites.count()).toBe(1);
    await expect(addSite(db, { name: '乙', homeUrl: 'http://b.gov.cn/', siteCode: '3702000001' }, '2026Q4', NOW, ids)).rejects.toThrow(/已属于网站“甲”/);
    await expect(addSite(db, { name: '丙', homeUrl: 'http://c.gov.cn/', siteCode: '12345' }, '2026Q4', NOW, ids)).rejects.toThrow(/10位/);
    await expect(addSite(db, { name: '', homeUrl: 'http://c.gov.cn/', siteCode: '' }, '2026Q4', NOW, ids)).rejects.toThrow(/网站名称/);
    expect(await db.sites.count()).toBe(1);
    expect(await quartersWithData(db)).toEqual(expect.arrayContaining(['2026Q3', '2026Q4']));
  });
});

describe('importSites and copySiteList', () => {
  it('saves the good rows of a preview, merges stored ones, and copies the list to the next quarter once', async () => {
    const db = openDb();
    await addSite(db, { name: '已有', homeUrl: 'http://old.gov.cn/', siteCode: '' }, '2026Q3', NOW, ids);
    const existing = await db.sites.toArray();
    const columns = { name: 0, url: 1, code: 2 };
    const preview = buildPreview(
      [
        { line: 2, cells: ['新网站', 'http://new.gov.cn/', '3702000002'] },
        { line: 3, cells: ['已有', 'old.gov.cn', '3702000003'] },
        { line: 4, cells: ['坏行', 'http://bad.gov.cn/', '123'] },
      ],
      columns,
      existing,
    );
    expect(preview.rowsWithErrors).toHaveLength(1);
    const result = await importSites(db, preview, '2026Q4', new Date(NOW), ids);
    expect(result).toEqual({ created: 1, merged: 1, added: 2 });
    expect(await db.sites.count()).toBe(2);
    expect((await db.sites.where('homeUrl').equals(existing[0]!.homeUrl).first())?.siteCode).toBe('3702000003');
    expect((await quarterSites(db, '2026Q4')).map((r) => r.site.name).sort()).toEqual(['已有', '新网站']);

    expect(await copySiteList(db, '2026Q4', '2027Q1', NOW)).toBe(2);
    expect(await copySiteList(db, '2026Q4', '2027Q1', NOW)).toBe(0);
    expect(await db.inspections.where('quarter').equals('2027Q1').count()).toBe(2);
  });

  it('saves nothing when a row clashes with a site stored after the preview was made', async () => {
    const db = openDb();
    const preview = buildPreview([{ line: 2, cells: ['甲', 'http://a.gov.cn/', ''] }, { line: 3, cells: ['乙', 'http://b.gov.cn/', ''] }], { name: 0, url: 1, code: 2 }, []);
    await addSite(db, { name: '乙', homeUrl: 'http://b.gov.cn/', siteCode: '' }, '2026Q4', NOW, ids);
    await expect(importSites(db, preview, '2026Q4', new Date(NOW), ids)).rejects.toThrow();
    expect((await db.sites.toArray()).map((s) => s.name)).toEqual(['乙']);
  });
});

describe('updateInspection and progress', () => {
  it('recomputes the verdict from the checklist and keeps an override with its reason', async () => {
    const db = openDb();
    const { site } = await addSite(db, { name: '甲', homeUrl: 'http://a.gov.cn/', siteCode: '' }, '2026Q4', NOW, ids);
    const vetoed = await updateInspection(db, site.id, '2026Q4', NOW, (r) => ({ ...r, checklist: setItemStatus(r.checklist, 'SV-W1', 'fail') }));
    expect(vetoed.verdict).toBe('单项否决');
    const overridden = await updateInspection(db, site.id, '2026Q4', NOW, (r) => ({ ...r, verdictOverride: { verdict: '合格', reason: '复核后确认为转载内容' } }));
    expect(overridden.verdict).toBe('合格');
    const stored = await db.inspections.get(inspectionId(site.id, '2026Q4'));
    expect(stored?.verdict).toBe('合格');
    expect(stored?.checklist.find((c) => c.id === 'SV-W1')?.status).toBe('fail');
  });

  it('counts checked pages once, findings by severity and checklist completion', async () => {
    const db = openDb();
    const { site } = await addSite(db, { name: '甲', homeUrl: 'http://a.gov.cn/', siteCode: '' }, '2026Q4', NOW, ids);
    await recordCheckedPage(db, site.id, '2026Q4', 'http://a.gov.cn/', NOW);
    await recordCheckedPage(db, site.id, '2026Q4', 'http://a.gov.cn/', NOW);
    await recordCheckedPage(db, site.id, '2026Q4', 'http://a.gov.cn/x.html', NOW);
    await db.findings.bulkAdd([
      finding({ siteKey: site.id, severity: 'veto', status: 'confirmed' }),
      finding({ siteKey: site.id, severity: 'major' }),
      finding({ siteKey: site.id, severity: 'major', status: 'false-positive' }),
    ]);
    const inspection = await updateInspection(db, site.id, '2026Q4', NOW, (r) => ({ ...r, checklist: setItemStatus(r.checklist, 'SV-W2', 'pass') }));
    const progress = await siteProgress(db, site.id, inspection);
    expect(progress.pagesChecked).toBe(2);
    expect(progress.findingsBySeverity).toEqual({ veto: 1, major: 1, minor: 0, info: 0 });
    expect(progress.confirmed).toBe(1);
    expect(progress.checklist.checked).toBe(1);
  });
});
