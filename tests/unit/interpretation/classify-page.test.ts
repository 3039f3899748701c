import { describe, expect, it } from 'vitest';
import { classifyPage } from '../../../lib/interpretation/classify-page';
import { block, crumbs, link, snapshot } from './make-snapshot';

const HOST = 'http://www.qingshan.gov.cn';

describe('classifyPage', () => {
  it('reads a TRS policy with its metadata table, 文号 and date, and says why', () => {
    const c = classifyPage(
      snapshot({
        url: `${HOST}/zwgk/zcwj/t20260301_1.html`,
        title: '青山市人民政府关于印发青山市促进民营经济高质量发展若干措施的通知_政策文件_青山市人民政府',
        breadcrumb: crumbs('首页', '政务公开', '政策文件'),
        tables: [
          ['索引号', '113702MB0042040P/2026-02001', '主题分类', '工业、交通'],
          ['发文机关', '青山市人民政府', '成文日期', '2026年03月01日'],
          ['发文字号', '青政发[2026]3号', '发布日期', '2026年03月02日'],
        ],
        blocks: [block('各区（市）人民政府，市政府各部门：现将《青山市促进民营经济高质量发展若干措施》印发给你们。')],
      }),
    );
    expect(c.kind).toBe('policy');
    expect(c.title).toBe('青山市人民政府关于印发青山市促进民营经济高质量发展若干措施的通知');
    expect(c.docNumber).toBe('青政发〔2026〕3号');
    expect(c.date).toBe('2026-03-01');
    expect(c.reasons).toContain('元数据表列有发文字号“青政发〔2026〕3号”');
    expect(c.reasons).toContain('位于“政策文件”栏目');
  });

  it('reads a policy whose 文号 is a line of its own (no metadata table)', () => {
    const c = classifyPage(
      snapshot({
        url: `${HOST}/a.html`,
        title: '青山市人民政府办公室关于加强城市排水管理的实施意见',
        blocks: [block('青政办发（2026）5号'), block('各区人民政府：为加强城市排水管理……'), block('（此件公开发布）')],
      }),
    );
    expect(c.kind).toBe('policy');
    expect(c.docNumber).toBe('青政办发〔2026〕5号');
  });

  it('reads an interpretation, its cited title and 文号', () => {
    const c = classifyPage(
      snapshot({
        url: `${HOST}/zwgk/zcjd/t20260302_2.html`,
        title: '《青山市促进民营经济高质量发展若干措施》政策解读_政策解读',
        breadcrumb: crumbs('首页', '政务公开', '政策解读'),
        blocks: [block('一、出台背景'), block('市政府印发了《青山市促进民营经济高质量发展若干措施》（青政发〔2026〕3号）。'), block('二、主要内容')],
      }),
    );
    expect(c.kind).toBe('interpretation');
    expect(c.refTitles[0]).toBe('青山市促进民营经济高质量发展若干措施');
    expect(c.refDocNumbers).toEqual(['青政发〔2026〕3号']);
    expect(c.reasons[0]).toMatch(/标题含“解读”|位于“政策解读”栏目/);
  });

  it('takes the deepest column: 政策文件 > 政策解读 is an interpretation column', () => {
    const c = classifyPage(
      snapshot({
        url: `${HOST}/x.html`,
        title: '市民政局负责人就银发经济实施意见答记者问',
        breadcrumb: crumbs('首页', '政策文件', '政策解读'),
        blocks: [block('问：出台背景是什么？'), block('答：为积极应对人口老龄化……')],
      }),
    );
    expect(c.kind).toBe('interpretation');
    expect(c.reasons).toContain('位于“政策解读”栏目');
  });

  it('calls a meeting report neither, even when it names a policy', () => {
    const c = classifyPage(
      snapshot({
        url: `${HOST}/news/1.html`,
        title: '市政府召开常务会议研究部署优化营商环境工作',
        blocks: [block('会议听取了《青山市优化营商环境若干措施》落实情况汇报。')],
      }),
    );
    expect(c.kind).toBe('neither');
    expect(c.reasons.some((r) => r.includes('新闻报道'))).toBe(true);
  });

  it('does not take a holiday notice (通知 title only) for a policy', () => {
    const c = classifyPage(snapshot({ url: `${HOST}/tzgg/1.html`, title: '关于2026年清明节放假安排的通知', breadcrumb: crumbs('首页', '通知公告') }));
    expect(c.kind).toBe('neither');
  });

  it('calls a column list page neither', () => {
    const listItems = Array.from({ length: 8 }, (_, i) => ({ text: `第${i}号政策解读材料标题 2026-03-0${i + 1}`, url: `${HOST}/zcjd/${i}.html`, list: 0, region: 'main' as const }));
    const c = classifyPage(
      snapshot({ url: `${HOST}/zcjd/`, title: '政策解读', breadcrumb: crumbs('首页', '政策解读'), listItems, blocks: [block('共5页 下一页')] }),
    );
    expect(c.kind).toBe('neither');
    expect(c.reasons[0]).toContain('列表页');
  });

  it('counts a policy published as an attachment only', () => {
    const c = classifyPage(
      snapshot({
        url: `${HOST}/zcwj/2.html`,
        title: '青山市人民政府关于印发青山市老旧小区改造实施方案的通知',
        breadcrumb: crumbs('首页', '政策文件'),
        links: [link('青山市老旧小区改造实施方案.pdf', `${HOST}/zcwj/P0201.pdf`)],
      }),
    );
    expect(c.kind).toBe('policy');
    expect(c.reasons).toContain('正文附有文件“青山市老旧小区改造实施方案.pdf”');
  });
});
