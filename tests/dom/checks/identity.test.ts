import { describe, expect, it } from 'vitest';
import { identityCheck } from '@/lib/checks/identity';
import { takeSnapshot } from '@/lib/scan/snapshot';
import { parseHtml } from '../../support/html-doc';

const NOW = { now: new Date('2026-11-22T08:00:00+08:00') };
const GOOD_FOOTER = `
<div class="footer">
  <p>主办单位：青山市人民政府办公室 承办：青山市大数据局 联系电话：0532-12345678 地址：青山市府前路1号</p>
  <p>网站标识码：3702000001 <a href="https://beian.miit.gov.cn/">鲁ICP备12345678号-1</a>
  <a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=37020202000123">鲁公网安备 37020202000123号</a></p>
  <span id="_ideConac"><a href="https://bszs.conac.cn/sitename?method=show&id=0123456789ABCDEF0123456789ABCDEF"><img id="imgConac" src="/img/red.png"></a></span>
  <a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=3702000001&url=x"><img src="/img/jiucuo.png" alt="我为政府网站找错"></a>
</div>`;

function check(body: string, opts: { url?: string; head?: string; siteCode?: string } = {}) {
  const html = `<html><head><title>t</title>${opts.head ?? '<meta name="SiteIDCode" content="3702000001">'}</head><body><div class="main"><p>正文</p></div>${body}</body></html>`;
  const { snapshot } = takeSnapshot(parseHtml(html, opts.url ?? 'http://127.0.0.1/index.html'));
  return identityCheck.run(snapshot, { ...NOW, siteCode: opts.siteCode });
}

const subjects = (body: string, opts?: Parameters<typeof check>[1]) => check(body, opts).map((r) => r.subject).sort();

describe('identity check', () => {
  it('finds nothing on a complete footer', () => {
    expect(check(GOOD_FOOTER)).toEqual([]);
  });

  it('reports a page without any footer once', () => {
    expect(subjects('')).toEqual(['footer-missing']);
  });

  it.each([
    ['missing code', GOOD_FOOTER.replace('网站标识码：3702000001', ''), 'site-code-missing'],
    ['code of wrong length', GOOD_FOOTER.replace('3702000001 <a', '370200001 <a'), 'site-code-malformed'],
    ['code with a non-province prefix', GOOD_FOOTER.replace('3702000001 <a', '9902000001 <a'), 'site-code-malformed'],
    ['ICP number of a wrong shape', GOOD_FOOTER.replace('鲁ICP备12345678号-1', '鲁ICP备1234号'), 'icp-malformed'],
    ['ICP linked to the old host', GOOD_FOOTER.replace('https://beian.miit.gov.cn/', 'http://www.miibeian.gov.cn/'), 'icp-outdated-link'],
    ['police number differs from its link', GOOD_FOOTER.replace('recordcode=37020202000123', 'recordcode=37020202000999'), 'police-link-mismatch'],
    ['no police number', GOOD_FOOTER.replace(/<a href="http:\/\/www.beian.gov.cn[^<]*<\/a>/, ''), 'police-missing'],
    ['conac error image', GOOD_FOOTER.replace('red.png', 'red_error.png'), 'conac-error'],
    ['no conac mark', GOOD_FOOTER.replace(/<span id="_ideConac">.*<\/span>/, ''), 'conac-missing'],
    ['找错 entry on the old host', GOOD_FOOTER.replace('zfwzgl.www.gov.cn', 'pucha.kaipuyun.cn'), 'jiucuo-outdated'],
    ['no sponsor', GOOD_FOOTER.replace('主办单位：青山市人民政府办公室', ''), 'sponsor-missing'],
    ['no contact', GOOD_FOOTER.replace('联系电话：0532-12345678 地址：青山市府前路1号', ''), 'contact-missing'],
  ])('flags %s', (_name, footer, subject) => {
    expect(subjects(footer)).toContain(subject);
  });

  it('compares the footer code with the SiteIDCode meta, the 找错 code and the registered code', () => {
    expect(subjects(GOOD_FOOTER, { head: '<meta name="SiteIDCode" content="3702000002">' })).toEqual(['site-code-meta']);
    expect(subjects(GOOD_FOOTER.replace('site_code=3702000001', 'site_code=3702000009'))).toEqual(['site-code-jiucuo']);
    expect(subjects(GOOD_FOOTER, { siteCode: '3702000005' })).toEqual(['site-code-registered']);
  });

  it('asks for the 找错 entry on the home page only', () => {
    const without = GOOD_FOOTER.replace(/<a href="https:\/\/zfwzgl[^]*?<\/a>/, '');
    expect(subjects(without, { url: 'http://127.0.0.1/' })).toContain('jiucuo-missing');
    expect(subjects(without, { url: 'http://127.0.0.1/xwdt/2026/1.html' })).not.toContain('jiucuo-missing');
  });

  it('places text findings on the footer characters', () => {
    const result = check(GOOD_FOOTER.replace('3702000001 <a', '37020001 <a')).find((r) => r.subject === 'site-code-malformed');
    expect(result?.location).toMatchObject({ kind: 'text' });
    expect(result?.message).toContain('37020001');
  });
});
