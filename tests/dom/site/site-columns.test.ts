import { describe, expect, it } from 'vitest';
import { blankVetoFinding, columnBlankFindings } from '../../../lib/checks/column-blank';
import { columnDateFindings, columnStaleFindings, homeStaleFinding } from '../../../lib/checks/column-stale';
import { sitemapFindings } from '../../../lib/checks/sitemap';
import { assessColumn, assessHomePage, vetoCounters } from '../../../lib/site/column-freshness';
import { columnProfile } from '../../../lib/site/column-profile';
import { compareSitemap } from '../../../lib/site/compare-sitemap';
import { sitemapCandidates } from '../../../lib/site/find-sitemap';
import { collectRealColumns } from '../../../lib/site/real-columns';
import { siteScope } from '../../../lib/site/site-url';
import { readSitemapTree } from '../../../lib/site/sitemap-tree';
import { loadTemplate, ORIGIN, snapshotTemplate } from './load-template';

const now = new Date('2026-11-22T10:00:00+08:00');
const profile = columnProfile();
const home = snapshotTemplate('home-dropdown.html', `${ORIGIN}/index.html`);
const notices = snapshotTemplate('column-list-year.html', `${ORIGIN}/zwgk/tzgg/`);
const plans = snapshotTemplate('column-blank.html', `${ORIGIN}/zwgk/ghjh/`);
const scope = siteScope(`${ORIGIN}/`, ['qs.gov.cn']);

describe('real columns from menus, breadcrumbs and list pages', () => {
  const columns = collectRealColumns(
    [{ snapshot: home }, { snapshot: notices, isListPage: true }, { snapshot: plans, isListPage: true }],
    scope,
  );

  it('reads the top menu and its drop-downs with parents', () => {
    const byName = Object.fromEntries(columns.map((c) => [c.name, c]));
    expect(byName['政务公开']).toMatchObject({ level: 1, parentName: '' });
    expect(byName['政策文件']).toMatchObject({ level: 2, parentName: '政务公开', url: `${ORIGIN}/zwgk/zcwj/` });
    expect(byName['区县动态']).toMatchObject({ level: 2, parentName: '新闻中心' });
    expect(byName['首页']).toBeUndefined();
  });

  it('adds the column of a list page known only from its breadcrumb', () => {
    const plan = columns.find((c) => c.name === '规划计划');
    expect(plan).toMatchObject({ url: `${ORIGIN}/zwgk/ghjh/`, parentName: '政务公开', level: 2 });
    expect(plan?.sources).toContain('breadcrumb');
    const notice = columns.find((c) => c.name === '通知公告');
    expect(notice?.sources).toEqual(['nav', 'breadcrumb', 'list-page']);
  });

  it('compares with the TRS site map: each difference shows both sides', () => {
    const sitemap = readSitemapTree(loadTemplate('trs-wzdt.html')).columns;
    const diffs = compareSitemap(sitemap, columns, {
      scope,
      linkStates: { 'http://qs.gov.cn/zwgk/rsxx/': { state: 'dead', httpStatus: 404 } },
    });
    const summary = diffs.map((d) => `${d.kind}: ${d.sitemap?.name ?? '-'} | ${d.site?.name ?? '-'}`).sort();
    expect(summary).toEqual([
      'missing-in-sitemap: - | 区县动态',
      'missing-in-sitemap: - | 规划计划',
      'missing-on-site: 人事信息 | -',
      'missing-on-site: 部门动态 | -',
      'missing-on-site: 领导信箱 | -',
    ].sort());
    // “通知 公告” at …/index.shtml is the menu's 通知公告 at …/tzgg/; the unlinked group 互动交流 is the menu's “互动 交流”.
    const findings = sitemapFindings(diffs);
    const dead = findings.find((f) => f.subject.includes('rsxx'));
    expect(dead).toMatchObject({ severity: 'major', httpStatus: 404 });
    expect(dead?.message).toContain('已失效');
    for (const f of findings) expect(f.excerpt).toMatch(/^网站地图：.*；网站实际：/);
  });

  it('finds the site map link in the footer first', () => {
    const links = [
      { ref: 0, kind: 'a' as const, raw: '/wzdt/', url: `${ORIGIN}/wzdt/`, text: '网站地图', region: 'footer' as const, hidden: [] },
    ];
    const candidates = sitemapCandidates(links, `${ORIGIN}/index.html`);
    expect(candidates[0]).toBe(`${ORIGIN}/wzdt/`);
    expect(candidates).toContain(`${ORIGIN}/sitemap.html`);
    expect(new Set(candidates).size).toBe(candidates.length);
  });
});

describe('column freshness on list pages', () => {
  it('reads [MM-DD] dates under year headings and finds a stale 通知公告 column', () => {
    const c = assessColumn({ name: '通知公告', url: notices.url, level: 2, snapshot: notices }, now, profile);
    expect(c).toMatchObject({ state: 'stale', newest: '2025-05-12', items: 3, datedItems: 3 });
    expect(c.category).toMatchObject({ id: 'notice-policy', countsForVetoGroup: true });
    const [finding] = columnStaleFindings([c]);
    expect(finding).toMatchObject({ check: 'column-stale', severity: 'major', subject: '通知公告' });
    expect(finding?.message).toContain('6个月');
  });

  it('marks a 暂无信息 column blank even with a side list of sibling columns', () => {
    const c = assessColumn({ name: '规划计划', url: plans.url, level: 2, snapshot: plans }, now, profile);
    expect(c).toMatchObject({ state: 'blank', blankReason: '暂无信息' });
    expect(columnBlankFindings([c])[0]?.message).toContain('暂无信息');
  });

  it('the home page with news from 4 days ago is updated', () => {
    const h = assessHomePage(home, now, profile);
    expect(h).toMatchObject({ state: 'fresh', newest: '2026-11-18', ageDays: 4 });
    expect(homeStaleFinding(h, home.url)).toBeUndefined();
    const later = assessHomePage(home, new Date('2026-12-10T10:00:00+08:00'), profile);
    expect(homeStaleFinding(later, home.url)).toMatchObject({ severity: 'veto', subject: '首页不更新' });
  });

  it('counts blank columns toward the veto and reports future dates for date-anomaly', () => {
    const blank = assessColumn({ name: '规划计划', url: plans.url, snapshot: plans }, now, profile);
    const counters = vetoCounters(Array.from({ length: 5 }, () => blank), profile);
    expect(blankVetoFinding(counters)).toMatchObject({ severity: 'veto', check: 'column-blank' });
    const early = assessColumn({ name: '通知公告', url: notices.url, snapshot: notices }, new Date('2025-04-01T10:00:00+08:00'), profile);
    expect(early.newest).toBe('2025-03-02');
    expect(columnDateFindings([early], new Date('2025-04-01T10:00:00+08:00')).map((f) => [f.check, f.subject])).toEqual([
      ['date-anomaly', '[05-12]'],
    ]);
  });
});
