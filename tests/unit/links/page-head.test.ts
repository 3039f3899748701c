import { describe, expect, it } from 'vitest';
import { decodePrefix, isHtmlType, titleAndHeading } from '../../../lib/links/page-head';

describe('decodePrefix', () => {
  it('keeps a UTF-8 page UTF-8 when the prefix cuts a character in half', () => {
    const bytes = new TextEncoder().encode('<title>页面不存在</title><p>正文');
    const cut = bytes.subarray(0, bytes.length - 1);
    expect(decodePrefix(cut)).toBe('<title>页面不存在</title><p>正');
  });

  it('decodes GBK by the header and by the meta tag', () => {
    // “页面不存在” in GBK
    const gbk = [0xd2, 0xb3, 0xc3, 0xe6, 0xb2, 0xbb, 0xb4, 0xe6, 0xd4, 0xda];
    const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
    const withHeader = new Uint8Array([...ascii('<title>'), ...gbk, ...ascii('</title>')]);
    expect(titleAndHeading(decodePrefix(withHeader, 'text/html; charset=GBK')).title).toBe('页面不存在');
    const withMeta = new Uint8Array([...ascii('<meta charset="gb2312"><title>'), ...gbk, ...ascii('</title>')]);
    expect(titleAndHeading(decodePrefix(withMeta)).title).toBe('页面不存在');
  });
});

describe('titleAndHeading', () => {
  it.each([
    ['<title> 首页 </title><h1 class="x">通知<span>公告</span></h1>', '首页', '通知 公告'],
    ['<TITLE>a&nbsp;b</TITLE><h2>二级</h2>', 'a b', '二级'],
    ['<p>none</p>', '', ''],
  ])('%s', (html, title, heading) => {
    expect(titleAndHeading(html)).toEqual({ title, heading });
  });
});

describe('isHtmlType', () => {
  it.each([
    ['text/html; charset=utf-8', true],
    ['application/xhtml+xml', true],
    [undefined, true],
    ['application/pdf', false],
    ['image/png', false],
  ])('%s → %s', (type, html) => {
    expect(isHtmlType(type)).toBe(html);
  });
});
