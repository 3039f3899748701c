import { describe, expect, it } from 'vitest';
import { hiddenLinkCheck } from '../../../lib/checks/hidden-link';
import type { HiddenReason, LinkInfo } from '../../../lib/scan/snapshot-types';
import { link, makeSnapshot } from '../links/make-snapshot';

const CTX = { now: new Date('2026-06-30T00:00:00Z') };

function hidden(raw: string, reasons: HiddenReason[], extra: Partial<LinkInfo> = {}): LinkInfo {
  return link(raw, { hidden: reasons, ...extra });
}

function judge(l: LinkInfo): string | undefined {
  const [f] = hiddenLinkCheck.run(makeSnapshot({ links: [l] }), CTX);
  return f?.severity;
}

describe('hiddenLinkCheck', () => {
  it.each<[string, LinkInfo, string | undefined]>([
    ['visible off-site link', link('http://www.bocai88.com/', { text: '百家乐' }), undefined],
    ['hidden gambling link in the footer', hidden('http://www.bocai88.com/', ['display-none'], { region: 'footer', text: '澳门赌场' }), 'veto'],
    ['hidden link with spam text, same site', hidden('/upload/1.html', ['font-size-zero'], { text: '百家乐' }), 'veto'],
    ['hidden same-site page with spam path', hidden('/bocai/index.html', ['display-none'], { region: 'nav' }), 'veto'],
    ['hidden off-site commercial link off-screen', hidden('https://shop.example.com/', ['off-screen'], { text: '购物' }), 'veto'],
    ['hidden off-site link in a display:none footer div', hidden('https://www.example.com/', ['display-none'], { region: 'footer', text: '网站' }), 'veto'],
    ['hidden off-site link in a nav drop-down', hidden('https://www.example.com/', ['display-none'], { region: 'nav', text: '合作' }), 'major'],
    ['hidden off-site iframe', hidden('https://stats.example.com/', ['zero-size'], { kind: 'iframe' }), 'major'],
    ['drop-down menu item, same site', hidden('/zwgk/tzgg/', ['display-none'], { region: 'nav', text: '通知公告' }), undefined],
    ['tab panel in the main content, same site', hidden('/news/1.html', ['display-none'], { text: '要闻' }), undefined],
    ['carousel slide, same site', hidden('/zt/1.html', ['opacity-zero'], { text: '专题' }), undefined],
    ['skip link off-screen', hidden('#main', ['off-screen'], { url: 'https://www.example.gov.cn/zwgk/index.html#main', text: '跳到主要内容' }), undefined],
    ['same-site link with font-size 0 in the main content', hidden('/x.html', ['font-size-zero'], { text: '某' }), 'minor'],
    ['same-site trick in the footer', hidden('/x.html', ['same-colour'], { region: 'footer' }), undefined],
    ['sister government site in a footer drop-down', hidden('https://www.beijing.gov.cn/', ['display-none'], { region: 'footer', text: '北京市人民政府' }), undefined],
    ['central media in a hidden tab', hidden('http://www.people.com.cn/', ['display-none'], { text: '人民网' }), undefined],
    ['government host hidden by a trick in the main content', hidden('https://www.gov.cn/', ['same-colour'], { text: '中国政府网' }), 'minor'],
    ['javascript pseudo-link', hidden('javascript:void(0)', ['display-none'], { url: 'javascript:void(0)' }), undefined],
    ['hidden image', hidden('http://www.bocai88.com/a.png', ['display-none'], { kind: 'img' }), undefined],
  ])('%s → %s', (_name, l, severity) => {
    expect(judge(l)).toBe(severity);
  });

  it('gives one finding per target with every element, and explains the hiding in Chinese', () => {
    const a = hidden('http://xpj8888.cc/', ['off-screen'], { text: '新葡京' });
    const b = hidden('http://xpj8888.cc/', ['off-screen'], { text: '新葡京' });
    const findings = hiddenLinkCheck.run(makeSnapshot({ links: [a, b] }), CTX);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      check: 'hidden-link',
      severity: 'veto',
      target: 'http://xpj8888.cc/',
      location: { kind: 'element', ref: a.ref },
      detail: { refs: [a.ref, b.ref], hiddenText: '移出屏幕', spam: { word: '新葡京', category: 'gambling' } },
    });
    expect(findings[0]?.message).toContain('暗链');
  });

  it('uses www and bare host as the same site', () => {
    const l = hidden('https://example.gov.cn/x.html', ['display-none'], { region: 'nav' });
    expect(hiddenLinkCheck.run(makeSnapshot({ links: [l] }), CTX)).toEqual([]);
  });
});
