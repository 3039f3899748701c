import { describe, expect, it } from 'vitest';
import { buildPairTable, pairTableFindings, pairTargets, type SitePage } from '../../../lib/interpretation/site-pairs';
import type { PageSnapshot } from '../../../lib/scan/snapshot-types';
import { block, crumbs, link, snapshot } from './make-snapshot';

const H = 'http://www.qingshan.gov.cn';

function policy(n: number, title: string, no: string, links: { text: string; url: string }[] = []): SitePage {
  return {
    column: 'policy',
    snapshot: snapshot({
      url: `${H}/zcwj/p${n}.html`,
      title,
      breadcrumb: crumbs('首页', '政策文件'),
      tables: [['发文字号', no], ['索引号', `X/2026-${n}`, '成文日期', '2026-03-01']],
      links: links.map((l) => link(l.text, l.url, { context: '相关解读' })),
    }),
  };
}

function interp(n: number, title: string, body: string, links: { text: string; url: string }[] = []): SitePage {
  return {
    column: 'interpretation',
    snapshot: snapshot({
      url: `${H}/zcjd/i${n}.html`,
      title,
      breadcrumb: crumbs('首页', '政策解读'),
      blocks: [block(body)],
      links: links.map((l) => link(l.text, l.url, { context: '政策原文' })),
    }),
  };
}

const url = (p: SitePage): string => p.snapshot.url;
const P1 = policy(1, '青山市人民政府关于印发青山市优化营商环境若干措施的通知', '青政发〔2026〕3号', [{ text: '营商环境若干措施解读', url: `${H}/zcjd/i1.html` }]);
const I1 = interp(1, '《青山市优化营商环境若干措施》政策解读', '市政府印发了若干措施（青政发〔2026〕3号）。', [{ text: '政策原文', url: url(P1) }]);
const P2 = policy(2, '青山市城市排水管理办法', '青政发〔2026〕5号', [{ text: '排水管理办法解读', url: `${H}/zcjd/i2.html` }]);
const I2 = interp(2, '《青山市城市排水管理办法》解读', '主要内容如下。');
const P3 = policy(3, '青山市人民政府关于印发青山市老旧小区改造实施方案的通知', '青政发〔2026〕8号');
const I3 = interp(3, '市住建局负责人就老旧小区改造答记者问', '近日，市政府印发了《青山市老旧小区改造实施方案》（青政发(2026)8号）。', [{ text: '原文链接', url: url(P3) }]);
const P4 = policy(4, '青山市人民政府关于调整最低工资标准的通知', '青政发〔2026〕11号');
const P5 = policy(5, '青山市人民政府关于印发青山市数字经济发展规划的通知', '青政发〔2026〕12号');
const I5 = interp(5, '一图读懂《青山市数字经济发展规划》', '');
const I6 = interp(6, '国务院《关于进一步优化营商环境降低制度性交易成本的意见》解读', '');
const ALL = [P1, I1, P2, I2, P3, I3, P4, P5, I5, I6];

describe('buildPairTable', () => {
  const rows = buildPairTable(ALL);
  const row = (p?: SitePage, i?: SitePage) =>
    rows.find((r) => r.policy?.url === (p && url(p)) && r.interpretation?.url === (i && url(i)));

  it('puts every page in one of the five categories', () => {
    expect(row(P1, I1)?.category).toBe('双向关联');
    expect(row(P2, I2)?.category).toBe('仅文件→解读');
    expect(row(P3, I3)?.category).toBe('仅解读→文件');
    expect(row(P4)?.category).toBe('文件无解读');
    expect(row(P5, I5)?.category).toBe('解读无文件');
    expect(row(undefined, I6)?.category).toBe('解读无文件');
    expect(rows).toHaveLength(6);
  });

  it('gives the evidence: links and the 文号 or title that matched', () => {
    expect(row(P1, I1)?.evidence).toEqual(['文件页链接到解读', '解读页链接到文件', '文号一致：青政发〔2026〕3号']);
    expect(row(P5, I5)?.evidence.join(' ')).toMatch(/相似度 1\.00/);
  });

  it('lists the partner pages outside the crawled set', () => {
    const extra = policy(9, '青山市人民政府关于做好春耕生产的通知', '青政发〔2026〕20号', [{ text: '春耕政策解读', url: `${H}/zcjd/i99.html` }]);
    expect(pairTargets([...ALL, extra])).toEqual([`${H}/zcjd/i99.html`]);
  });
});

describe('pairTableFindings', () => {
  it('places each finding on the page concerned, with the page-check severities and subjects', () => {
    const broken: PageSnapshot = policy(7, '青山市人民政府关于加强安全生产的意见', '青政发〔2026〕9号', [{ text: '安全生产意见解读', url: `${H}/zcjd/i7.html` }]).snapshot;
    const rows = buildPairTable([...ALL, { snapshot: broken, column: 'policy' }], new Map([[`${H}/zcjd/i7.html`, { error: 'HTTP 404', httpStatus: 404 }]]));
    const found = pairTableFindings(rows).map((f) => [f.pageUrl.replace(H, ''), f.result.severity, f.result.subject.replace(H, '')]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['/zcwj/p2.html', 'major', 'one-way:/zcjd/i2.html'],
        ['/zcjd/i3.html', 'major', 'one-way:/zcwj/p3.html'],
        ['/zcwj/p4.html', 'minor', 'policy-without-interpretation'],
        ['/zcjd/i5.html', 'major', 'interpretation-without-policy'],
        ['/zcwj/p5.html', 'major', 'unlinked:/zcjd/i5.html'],
        ['/zcjd/i6.html', 'major', 'interpretation-without-policy'],
        ['/zcwj/p7.html', 'major', 'dead:/zcjd/i7.html'],
      ]),
    );
    expect(found.filter((f) => f[0] === '/zcwj/p1.html' || f[0] === '/zcjd/i1.html')).toEqual([]);
  });
});
