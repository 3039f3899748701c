import { describe, expect, it } from 'vitest';
import { evaluateInterpretation, planInterpretationCheck, type TargetResult } from '../../../lib/checks/interpretation';
import type { PageSnapshot } from '../../../lib/scan/snapshot-types';
import { block, crumbs, link, snapshot } from './make-snapshot';

const H = 'http://www.qingshan.gov.cn';
const P_URL = `${H}/zcwj/t20260301_1.html`;
const I_URL = `${H}/zcjd/t20260302_2.html`;
const P_TITLE = '青山市人民政府关于印发青山市促进民营经济高质量发展若干措施的通知';

function policy(links = [link('《青山市促进民营经济高质量发展若干措施》政策解读', I_URL, { context: '相关解读' })]): PageSnapshot {
  return snapshot({
    url: P_URL,
    title: `${P_TITLE}_政策文件`,
    breadcrumb: crumbs('首页', '政策文件'),
    tables: [['发文字号', '青政发〔2026〕3号'], ['索引号', 'X/2026-1', '成文日期', '2026-03-01']],
    links,
  });
}

function interp(title = '《青山市促进民营经济高质量发展若干措施》政策解读', links = [link(P_TITLE, P_URL, { context: '政策原文' })], url = I_URL): PageSnapshot {
  return snapshot({
    url,
    title,
    breadcrumb: crumbs('首页', '政策解读'),
    blocks: [block('一、出台背景'), block('二、主要内容')],
    links,
  });
}

const news = snapshot({ url: `${H}/news/1.html`, title: '市政府召开常务会议', blocks: [block('会议研究了有关工作。')] });

function run(page: PageSnapshot, targets: Record<string, TargetResult>) {
  const plan = planInterpretationCheck(page);
  return evaluateInterpretation(page, new Map(Object.entries(targets)), plan);
}

describe('planInterpretationCheck', () => {
  it('classifies and lists the pages to fetch', () => {
    const plan = planInterpretationCheck(policy());
    expect(plan.kind).toBe('policy');
    expect(plan.targets).toEqual([I_URL]);
    expect(plan.reasons.length).toBeGreaterThan(0);
  });
  it('lists nothing to fetch for a page that is neither', () => {
    expect(planInterpretationCheck(news)).toMatchObject({ kind: 'neither', targets: [] });
  });
  it('does not fetch files or search pages', () => {
    const plan = planInterpretationCheck(interp(undefined, [link('政策原文', `${H}/search?q=若干措施`), link('原文', `${H}/zcwj/P1.pdf`)]));
    expect(plan.links).toHaveLength(2);
    expect(plan.targets).toEqual([]);
  });
});

describe('evaluateInterpretation', () => {
  it('finds nothing for a pair linked both ways', () => {
    expect(run(policy(), { [I_URL]: { snapshot: interp() } })).toEqual([]);
    expect(run(interp(), { [P_URL]: { snapshot: policy() } })).toEqual([]);
  });

  it('reports a policy without interpretation link as minor, open for review', () => {
    const [r, ...rest] = run(policy([]), {});
    expect(rest).toEqual([]);
    expect(r).toMatchObject({ check: 'interpretation', severity: 'minor', subject: 'policy-without-interpretation' });
    expect((r?.detail?.classification as { reasons: string[] }).reasons.length).toBeGreaterThan(0);
  });

  it('reports an interpretation without link to its policy as major, naming the cited policy', () => {
    const [r] = run(interp(undefined, []), {});
    expect(r).toMatchObject({ severity: 'major', subject: 'interpretation-without-policy' });
    expect(r?.message).toContain('《青山市促进民营经济高质量发展若干措施》');
  });

  it('says which side lacks the link in a one-way pair', () => {
    const fromPolicy = run(policy(), { [I_URL]: { snapshot: interp(undefined, []) } });
    expect(fromPolicy).toHaveLength(1);
    expect(fromPolicy[0]).toMatchObject({ severity: 'major', subject: `one-way:${I_URL}`, target: I_URL });
    expect(fromPolicy[0]?.detail?.missingSide).toBe('interpretation');
    const fromInterp = run(interp(), { [P_URL]: { snapshot: policy([]) } });
    expect(fromInterp[0]?.detail?.missingSide).toBe('policy');
    expect(fromInterp[0]?.message).toContain('文件页未链接到本解读');
  });

  it('reports dead links as major and bot walls as info', () => {
    expect(run(policy(), { [I_URL]: { error: 'HTTP 404', httpStatus: 404 } })[0]).toMatchObject({ severity: 'major', subject: `dead:${I_URL}`, httpStatus: 404 });
    expect(run(policy(), { [I_URL]: { error: '412 瑞数', httpStatus: 412, inconclusive: true } })[0]).toMatchObject({ severity: 'info' });
  });

  it('reports a link to an unrelated page', () => {
    const [r] = run(policy(), { [I_URL]: { snapshot: { ...news, url: I_URL } } });
    expect(r).toMatchObject({ severity: 'major', subject: `unrelated:${I_URL}` });
  });

  it('reports an interpretation whose 《title》 is another policy', () => {
    const other = interp('《青山市城市绿化管理办法》政策解读', [link(P_TITLE, P_URL, { context: '政策原文' })]);
    const r = run(other, { [P_URL]: { snapshot: policy() } });
    const mismatch = r.find((x) => x.subject.startsWith('title-mismatch'));
    expect(mismatch?.severity).toBe('major');
    expect(mismatch?.message).toContain('《青山市城市绿化管理办法》');
  });

  it('reports a search page and a PDF instead of the policy page', () => {
    expect(run(interp(undefined, [link('政策原文', `${H}/search?q=若干措施`)]), {})[0]).toMatchObject({ severity: 'major', subject: `unrelated:${H}/search?q=若干措施` });
    expect(run(interp(undefined, [link('原文', `${H}/zcwj/P1.pdf`)]), {})[0]).toMatchObject({ severity: 'minor', subject: `file:${H}/zcwj/P1.pdf` });
  });

  it('judges nothing it was not given (empty target map, default plan)', () => {
    expect(evaluateInterpretation(policy(), new Map())).toEqual([]);
    expect(evaluateInterpretation(policy([]), new Map())).toHaveLength(1);
  });
});
