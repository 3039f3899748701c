import { describe, expect, it } from 'vitest';
import { sitemapFindings, sitemapUnavailableFinding } from '../../../lib/checks/sitemap';
import { normalizeColumnName } from '../../../lib/site/column-name';
import { compareSitemap } from '../../../lib/site/compare-sitemap';
import type { RealColumn } from '../../../lib/site/real-columns';
import { pageKey, siteScope } from '../../../lib/site/site-url';
import type { SitemapColumn } from '../../../lib/site/sitemap-tree';

const O = 'https://www.qs.gov.cn';
const scope = siteScope(`${O}/`);
const map = (name: string, url: string, level = 2): SitemapColumn => ({ name, url, level, parentName: '', parentUrl: '' });
const real = (name: string, url: string, level = 2): RealColumn => ({ name, url, level, parentName: '', parentUrl: '', sources: ['nav'], otherNames: [] });

describe('normalizeColumnName', () => {
  it.each([
    ['政策 文件', '政策文件'],
    ['【政策文件】', '政策文件'],
    ['政策文件栏目', '政策文件'],
    ['ＡＢＣ专栏', 'abc'],
    ['通知·公告', '通知公告'],
    ['“三农”工作', '三农工作'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeColumnName(input)).toBe(expected);
  });
});

describe('pageKey', () => {
  it('unifies scheme, www and bare host, index files, query order and session ids', () => {
    const k = pageKey(`${O}/zwgk/index.html?b=2&a=1`, scope);
    expect(pageKey('http://qs.gov.cn/zwgk/?a=1&b=2', scope)).toBe(k);
    expect(pageKey('http://www.qs.gov.cn/zwgk/default.htm;jsessionid=XYZ?a=1&b=2&sid=5', scope)).toBe(k);
    expect(pageKey('https://www.other.gov.cn/zwgk/', scope)).not.toBe(pageKey('https://other.gov.cn/zwgk/', scope) + 'x');
    expect(pageKey(`${O}/zwgk/zcwj`, scope)).toBe(pageKey(`${O}/zwgk/zcwj/index.shtml`, scope));
  });
});

describe('compareSitemap', () => {
  it('finds the four kinds of difference and matches normalised names and URLs', () => {
    const sitemap = [
      map('政务公开', `${O}/zwgk/index.html`, 1),
      map('政策文件栏目', 'http://qs.gov.cn/zwgk/zcwj/'),
      map('工作动态', `${O}/xwzx/gzdt/`),
      map('人事信息', `${O}/zwgk/rsxx/index.html`),
      map('领导信箱', `${O}/hdjl/xx/`),
      map('已撤销栏目', `${O}/old/`),
    ];
    const site = [
      real('政务公开', `${O}/zwgk/`, 1),
      real('政策 文件', `${O}/zwgk/zcwj/index.shtml`),
      real('部门动态', `${O}/xwzx/gzdt/index.html`),
      real('人事信息', `${O}/zwgk/rsxx/list.html`),
      real('领导信箱', `${O}/hdjl/xx/index.html`),
      real('公示公告', `${O}/gsgg/`, 1),
      real('三级栏目', `${O}/zwgk/zcwj/sj/`, 3),
    ];
    const diffs = compareSitemap(sitemap, site, { scope, linkStates: { [`${O}/old/`]: { state: 'dead', httpStatus: 404 } } });
    expect(diffs.map((d) => [d.kind, d.sitemap?.name ?? null, d.site?.name ?? null])).toEqual([
      ['renamed', '工作动态', '部门动态'],
      ['different-url', '人事信息', '人事信息'],
      ['missing-on-site', '已撤销栏目', null],
      ['missing-in-sitemap', null, '公示公告'],
    ]);
    expect(diffs[2]?.link).toEqual({ state: 'dead', httpStatus: 404 });
    const findings = sitemapFindings(diffs);
    expect(findings.map((f) => f.severity)).toEqual(['minor', 'minor', 'major', 'minor']);
    expect(findings[0]).toMatchObject({ expected: '部门动态', check: 'sitemap' });
    expect(findings[0]?.detail).toMatchObject({ sitemap: { name: '工作动态' }, site: { name: '部门动态' } });
    expect(findings[1]?.expected).toBe(`${O}/zwgk/rsxx/list.html`);
  });

  it('accepts another name the same URL carries on some pages', () => {
    const column = { ...real('部门动态', `${O}/xwzx/gzdt/`), otherNames: ['工作动态'] };
    expect(compareSitemap([map('工作动态', `${O}/xwzx/gzdt/`)], [column], { scope })).toEqual([]);
  });
});

describe('sitemapUnavailableFinding', () => {
  it('reports a missing site map with the URLs tried, and an unreadable one as info', () => {
    expect(sitemapUnavailableFinding(undefined, [`${O}/sitemap.html`])).toMatchObject({ severity: 'minor', subject: '未找到网站地图' });
    const unreadable = { roots: [], columns: [], shape: 'image' as const, unreadable: { reason: 'image' as const, message: '网站地图是图片' } };
    expect(sitemapUnavailableFinding(unreadable, [])).toMatchObject({ severity: 'info', message: '网站地图是图片' });
    expect(sitemapUnavailableFinding({ roots: [], columns: [map('a', '')], shape: 'list' }, [])).toBeUndefined();
  });
});
