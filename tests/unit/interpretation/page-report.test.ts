import { describe, expect, it } from 'vitest';
import { evaluateInterpretation, planInterpretationCheck, type TargetResult } from '../../../lib/checks/interpretation';
import { interpretationReport } from '../../../lib/interpretation/page-report';
import type { PageSnapshot } from '../../../lib/scan/snapshot-types';
import { block, crumbs, link, snapshot } from './make-snapshot';

const H = 'http://www.qingshan.gov.cn';
const P_URL = `${H}/zcwj/t1.html`;
const I_URL = `${H}/zcjd/t2.html`;
const I2_URL = `${H}/zcjd/t3.html`;
const P_TITLE = '青山市人民政府关于印发青山市促进民营经济高质量发展若干措施的通知';
const I_TITLE = '《青山市促进民营经济高质量发展若干措施》政策解读';

function policy(links = [link(I_TITLE, I_URL, { context: '相关解读' })]): PageSnapshot {
  return snapshot({
    url: P_URL,
    title: P_TITLE,
    breadcrumb: crumbs('首页', '政策文件'),
    tables: [['发文字号', '青政发〔2026〕3号'], ['索引号', 'X/2026-1', '成文日期', '2026-03-01']],
    links,
  });
}

function interp(links = [link(P_TITLE, P_URL, { context: '政策原文' })], url = I_URL): PageSnapshot {
  return snapshot({ url, title: I_TITLE, breadcrumb: crumbs('首页', '政策解读'), blocks: [block('一、出台背景')], links });
}

function report(page: PageSnapshot, given: Record<string, TargetResult> | null) {
  const plan = planInterpretationCheck(page);
  if (!given) return interpretationReport(page.url, plan, null);
  const targets = new Map(Object.entries(given));
  return interpretationReport(page.url, plan, targets, evaluateInterpretation(page, targets, plan));
}

describe('interpretationReport', () => {
  it('gives the class with its reasons and the links as pending while fetching', () => {
    const r = report(policy(), null);
    expect(r).toMatchObject({ done: false, kind: 'policy', title: P_TITLE });
    expect(r.reasons.join('')).toMatch(/发文字号|文号/);
    expect(r.links).toEqual([expect.objectContaining({ url: I_URL, state: 'pending' })]);
  });

  it('marks a partner that links back as linked, with its title', () => {
    const r = report(policy(), { [I_URL]: { snapshot: interp() } });
    expect(r.done).toBe(true);
    expect(r.links[0]).toMatchObject({ state: 'linked', note: I_TITLE });
  });

  it('takes the state of a link from its finding: one-way, dead, inconclusive', () => {
    expect(report(policy(), { [I_URL]: { snapshot: interp([]) } }).links[0]?.state).toBe('one-way');
    expect(report(policy(), { [I_URL]: { error: '页面不存在（404）', httpStatus: 404 } }).links[0]).toMatchObject({ state: 'dead', note: '页面不存在（404）' });
    expect(report(policy(), { [I_URL]: { error: '访问频率受限', inconclusive: true } }).links[0]?.state).toBe('inconclusive');
  });

  it('calls a second, non-partner page “other” when the partner was found', () => {
    const news = snapshot({ url: I2_URL, title: '市政府召开常务会议', blocks: [block('会议研究了有关工作。')] });
    const page = policy([link(I_TITLE, I_URL, { context: '相关解读' }), link('图解：若干措施', I2_URL, { context: '相关解读' })]);
    const r = report(page, { [I_URL]: { snapshot: interp() }, [I2_URL]: { snapshot: news } });
    expect(r.links.map((l) => l.state)).toEqual(['linked', 'other']);
  });

  it('lists no links for a page that is neither, and says why it is neither', () => {
    const r = report(snapshot({ url: `${H}/news/1.html`, title: '市政府召开常务会议' }), {});
    expect(r).toMatchObject({ kind: 'neither', links: [], done: true });
  });
});
