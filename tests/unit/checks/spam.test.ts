import { describe, expect, it } from 'vitest';
import { spamCheck } from '../../../lib/checks/spam';
import { block, link, makeSnapshot } from '../links/make-snapshot';

const CTX = { now: new Date('2026-06-30T00:00:00Z') };

describe('spamCheck', () => {
  it('finds spam words in visible and hidden text, with offsets, one finding per word and place', () => {
    const text = '欢迎访问。澳门新葡京娱乐城，百家乐真人视讯，新葡京官网';
    const findings = spamCheck.run(
      makeSnapshot({ blocks: [block('政务公开'), block(text, { hidden: ['display-none'] }), block('代孕咨询热线')] }),
      CTX,
    );
    expect(findings.map((f) => [f.subject, f.severity])).toEqual([
      ['新葡京|hidden-text', 'veto'],
      ['娱乐城|hidden-text', 'veto'],
      ['百家乐|hidden-text', 'veto'],
      ['真人视讯|hidden-text', 'veto'],
      ['代孕|text', 'veto'],
    ]);
    const first = findings[0];
    expect(first?.location).toEqual({ kind: 'text', block: 1, start: text.indexOf('新葡京'), end: text.indexOf('新葡京') + 3 });
    expect(first?.detail).toMatchObject({ hidden: true, count: 2, category: 'gambling' });
    expect(first?.message).toContain('隐藏文字');
  });

  it('finds spam link texts and pinyin spam hosts', () => {
    const byText = link('https://t.example.com/a', { text: '线上娱乐城' });
    const byHost = link('http://www.bocai365.com/', { text: '点击进入' });
    const findings = spamCheck.run(makeSnapshot({ links: [byText, byHost, link('/zwgk/', { text: '政务公开' })] }), CTX);
    expect(findings.map((f) => [f.target, f.detail?.['in'], f.location])).toEqual([
      ['https://t.example.com/a', 'text', { kind: 'element', ref: byText.ref }],
      ['http://www.bocai365.com/', 'url-host', { kind: 'element', ref: byHost.ref }],
    ]);
  });

  it('finds injected titles and meta keywords', () => {
    const findings = spamCheck.run(
      makeSnapshot({ title: '澳门赌场_百家乐_某某县人民政府', meta: { keywords: '时时彩,六合彩', description: '某某县人民政府门户网站' } }),
      CTX,
    );
    expect(findings.map((f) => f.subject)).toEqual(['澳门赌场|title', '百家乐|title', '时时彩|meta:keywords', '六合彩|meta:keywords']);
    expect(findings[0]?.message).toContain('篡改');
  });

  it('does not report anti-gambling news in visible text or link text', () => {
    const findings = spamCheck.run(
      makeSnapshot({
        title: '县公安局破获一起网络赌场案',
        blocks: [block('近日，县公安局成功破获一起利用百家乐网站开设赌场案，抓获犯罪嫌疑人5名。'), block('警惕代孕骗局')],
        links: [link('/news/1.html', { text: '我县开展打击六合彩专项行动' })],
      }),
      CTX,
    );
    expect(findings).toEqual([]);
  });

  it('still reports spam hidden next to law-enforcement words', () => {
    const findings = spamCheck.run(makeSnapshot({ blocks: [block('打击 百家乐', { hidden: ['off-screen'] })] }), CTX);
    expect(findings).toHaveLength(1);
  });

  it('is quiet on ordinary government text', () => {
    const findings = spamCheck.run(
      makeSnapshot({
        title: '福利彩票发行管理办法',
        blocks: [block('体育彩票公益金使用情况公示'), block('办证大厅地址：太阳城小区东侧'), block('棋牌运动管理中心')],
        links: [link('https://www.cwl.gov.cn/', { text: '中国福利彩票' }), link('/fapiao/index.html', { text: '发票代开' })],
      }),
      CTX,
    );
    expect(findings).toEqual([]);
  });
});
