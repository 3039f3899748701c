/** What the classifier reads from real markup: metadata tables in TRS and Hanweb layouts, breadcrumbs, contexts. */
import { describe, expect, it } from 'vitest';
import { classifyPage } from '../../../lib/interpretation/classify-page';
import { findInterpretationLinks } from '../../../lib/interpretation/find-related-links';
import { readMetadata } from '../../../lib/interpretation/page-facts';
import { loadPage, snapshotHtml } from './load-page';

describe('metadata tables', () => {
  it('reads the TRS th/td table', () => {
    const meta = readMetadata(loadPage('a-p4.html', 'http://www.lanxi.gov.cn/xxgk/zcwj/202603/t20260310_4104.html'));
    expect(meta.get('文号')).toBe('岚政发【2026】11号');
    expect(meta.get('发文机关')).toBe('岚溪市人民政府');
  });

  it('reads the Hanweb table with spaced labels (索 引 号：, 文　　号：)', () => {
    const meta = readMetadata(loadPage('b-p1.html', 'http://www.hexi.gov.cn/art/2026/3/5/art_1229_5101.html'));
    expect(meta.get('索引号')).toBe('11330199002491234X/2026-05101');
    expect(meta.get('成文日期')).toBe('2026-03-04');
    expect(classifyPage(loadPage('b-p1.html', 'http://www.hexi.gov.cn/art/2026/3/5/art_1229_5101.html')).docNumber).toBe('河政发〔2026〕2号');
  });

  it('reads div-style metadata lines', () => {
    const snap = snapshotHtml(
      `<html><head><title>某县人民政府关于印发某县河长制工作方案的通知</title></head><body><div class="content">
       <h1>某县人民政府关于印发某县河长制工作方案的通知</h1>
       <div class="xxgk"><p>索引号：001/2026-01  发文机关：某县人民政府</p><p>成文日期：2026-02-01  文号：某政发[2026]1号</p></div>
       <p>各乡镇人民政府：现将方案印发给你们。</p></div></body></html>`,
      'http://www.mou.gov.cn/zwgk/1.html',
    );
    const c = classifyPage(snap);
    expect(c.kind).toBe('policy');
    expect(c.docNumber).toBe('某政发〔2026〕1号');
    expect(c.date).toBe('2026-02-01');
  });
});

describe('link context from markup', () => {
  it('takes links under a 相关解读 title bar and skips the nav column and the page footer', () => {
    const snap = loadPage('a-p1.html', 'http://www.lanxi.gov.cn/xxgk/zcwj/202603/t20260302_4101.html');
    const links = findInterpretationLinks(snap);
    expect(links.map((l) => l.reason)).toEqual(['位于“相关解读”栏框', '位于“相关解读”栏框']);
    expect(snap.links.some((l) => l.text === '政策解读' && l.region === 'nav')).toBe(true);
  });

  it('ignores a 热点解读 side box on a policy page', () => {
    const snap = loadPage('b-p6.html', 'http://www.hexi.gov.cn/art/2026/3/16/art_1229_5106.html');
    expect(snap.links.some((l) => l.context === '热点解读')).toBe(true);
    expect(findInterpretationLinks(snap)).toEqual([]);
  });
});
