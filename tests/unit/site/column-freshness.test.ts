import { describe, expect, it } from 'vitest';
import { columnStaleFindings, staleVetoFindings } from '../../../lib/checks/column-stale';
import { categoryOf, columnProfile, periodText, subtractPeriod } from '../../../lib/site/column-profile';
import { assessColumn, vetoCounters, type ColumnAssessment } from '../../../lib/site/column-freshness';
import { extractLinks } from '../../../lib/site/extract-links';
import type { ListItem } from '../../../lib/scan/snapshot-types';
import { makeSnapshot } from '../dates/make-snapshot';

const profile = columnProfile('national-2019');
const now = new Date('2026-11-22T10:00:00+08:00');
const items = (...texts: string[]): ListItem[] => texts.map((text, i) => ({ text, url: `https://x.gov.cn/${i}.html`, list: 0, region: 'main' }));
const column = (name: string, texts: string[], level?: number) =>
  assessColumn({ name, url: 'https://x.gov.cn/c/', ...(level ? { level } : {}), snapshot: makeSnapshot(texts.map((text) => ({ text, tag: 'li' })), { listItems: items(...texts) }) }, now, profile);

describe('column profile (column-profiles.json)', () => {
  it.each([
    ['动态要闻', 'dynamic'],
    ['部门动态', 'dynamic'],
    ['新闻中心', 'dynamic'],
    ['通知公告', 'notice-policy'],
    ['公示公告', 'notice-policy'],
    ['政策文件栏目', 'notice-policy'],
    ['人事信息', 'personnel-plan'],
    ['规划计划', 'personnel-plan'],
    ['政策解读', undefined],
    ['领导信箱', undefined],
    ['机构概况', undefined],
  ])('%s → %s', (name, id) => {
    expect(categoryOf(name, profile)?.id).toBe(id);
  });

  it('subtracts calendar periods with month-end clamping', () => {
    expect(subtractPeriod({ year: 2026, month: 8, day: 31 }, { months: 6 })).toEqual({ year: 2026, month: 2, day: 28 });
    expect(subtractPeriod({ year: 2026, month: 11, day: 22 }, { days: 14 })).toEqual({ year: 2026, month: 11, day: 8 });
    expect(subtractPeriod({ year: 2024, month: 2, day: 29 }, { years: 1 })).toEqual({ year: 2023, month: 2, day: 28 });
    expect([periodText({ days: 14 }), periodText({ months: 6 }), periodText({ years: 1 })]).toEqual(['2周', '6个月', '1年']);
    expect(() => columnProfile('nope')).toThrow('未知');
  });
});

describe('assessColumn', () => {
  it('2 weeks for 动态: 14 days old is fresh, 15 days old is stale', () => {
    expect(column('动态要闻', ['市政府召开会议 2026-11-08']).state).toBe('fresh');
    const stale = column('动态要闻', ['市政府召开会议 2026-11-07', '旧闻 2026-10-01']);
    expect(stale).toMatchObject({ state: 'stale', newest: '2026-11-07', ageDays: 15 });
  });

  it('ignores future and impossible dates for the newest date and hands them on', () => {
    const c = column('通知公告', ['通知一 2027-01-05', '通知二 2026-02-30', '通知三 2026-03-01']);
    expect(c).toMatchObject({ state: 'stale', newest: '2026-03-01' });
    expect(c.futureItems.map((i) => i.written)).toEqual(['2027-01-05']);
    expect(c.impossibleItems.map((i) => i.written)).toEqual(['2026-02-30']);
  });

  it('warns about undated lists instead of guessing', () => {
    const c = column('通知公告', ['关于某事的通知', '关于另一事的通知']);
    expect(c.state).toBe('undated');
    expect(columnStaleFindings([c])[0]).toMatchObject({ severity: 'info' });
  });

  it('month-day without a year heading: the latest year not after today, flagged as assumed', () => {
    const c = column('动态要闻', ['会议 [12-30]', '调研 [11-01]']);
    expect(c).toMatchObject({ state: 'stale', newest: '2026-11-01', yearAssumed: true });
    expect(columnStaleFindings([c])[0]?.message).toContain('按最近一年推算');
  });

  it('reads a date kept in an attribute', () => {
    const snapshot = makeSnapshot([{ text: '通知', tag: 'li' }], { listItems: [{ ...items('通知')[0]!, dateAttr: '2026-11-20T08:00:00+08:00' }] });
    expect(assessColumn({ name: '通知公告', url: 'https://x.gov.cn/c/', snapshot }, now, profile)).toMatchObject({ state: 'fresh', newest: '2026-11-20' });
  });

  it('a single-page column with text is not judged; an empty one is blank', () => {
    const page = makeSnapshot(['本机关负责全市发展改革工作的综合协调，拟订并组织实施国民经济和社会发展战略、中长期规划和年度计划。']);
    expect(assessColumn({ name: '机构职能', url: 'https://x.gov.cn/jgzn/', snapshot: page }, now, profile).state).toBe('not-a-list');
    const empty = makeSnapshot([{ text: '人事信息', tag: 'h2' }]);
    expect(assessColumn({ name: '人事信息', url: 'https://x.gov.cn/rs/', snapshot: empty }, now, profile)).toMatchObject({ state: 'blank', blankReason: 'no-items' });
  });

  it('counts toward veto (i) only 动态 and first- or second-level 通知公告/政策文件 columns', () => {
    expect(column('通知公告', ['a 2025-01-01'], 3).category?.countsForVetoGroup).toBe(false);
    expect(column('通知公告', ['a 2025-01-01'], 2).category?.countsForVetoGroup).toBe(true);
    expect(column('人事信息', ['a 2025-01-01'], 1).category?.countsForVetoGroup).toBe(false);
  });
});

describe('veto counters', () => {
  const stale = (name: string, level = 1): ColumnAssessment => column(name, ['旧 2020-01-01'], level);
  it('reaches (i) at 5 stale 动态/政策 columns and (ii) at 10 stale columns', () => {
    const four = [stale('动态要闻'), stale('部门动态'), stale('通知公告'), stale('政策文件'), stale('人事信息'), stale('规划计划')];
    const c4 = vetoCounters(four, profile);
    expect(c4).toMatchObject({ staleDynamicPolicy: 4, staleAll: 6, reached: { dynamicPolicy: false, all: false, blank: false } });
    expect(staleVetoFindings(c4)).toEqual([]);
    const ten = [...four, stale('公示公告'), stale('区县动态', 2), stale('人事任免'), stale('发展规划')];
    const c10 = vetoCounters(ten, profile);
    expect(c10).toMatchObject({ staleDynamicPolicy: 6, staleAll: 10, reached: { dynamicPolicy: true, all: true } });
    expect(staleVetoFindings(c10).map((f) => f.severity)).toEqual(['veto', 'veto']);
  });
});

describe('extractLinks', () => {
  it('reads a, area and frame links outside comments and scripts, against <base>', () => {
    const html = `<base href="https://www.x.gov.cn/sub/"><a href="a.html?x=1&amp;y=2">A</a><!-- <a href="hidden.html"> -->
      <script>var s = '<a href="js.html">';</script><area href="/b.html"><frame src="c.html"><a href='mailto:a@b.cn'>m</a><a href=d.html#top>d</a><a href="a.html?x=1&y=2">dup</a>`;
    expect(extractLinks(html, 'https://www.x.gov.cn/')).toEqual([
      'https://www.x.gov.cn/sub/a.html?x=1&y=2',
      'https://www.x.gov.cn/b.html',
      'https://www.x.gov.cn/sub/c.html',
      'https://www.x.gov.cn/sub/d.html',
    ]);
  });
});
