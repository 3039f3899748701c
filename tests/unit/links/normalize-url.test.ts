import { describe, expect, it } from 'vitest';
import { comparableUrl, isSameSite, normalizeUrl, resolveHref, siteHostsOf } from '../../../lib/links/normalize-url';

const BASE = 'https://www.example.gov.cn/zwgk/tzgg/index.html';

describe('normalizeUrl', () => {
  it.each([
    ['HTTP://WWW.Example.GOV.cn:80/a.html#x', 'http://www.example.gov.cn/a.html'],
    ['https://example.gov.cn:443', 'https://example.gov.cn/'],
    ['http://example.gov.cn:8080/a?b=2&a=1', 'http://example.gov.cn:8080/a?b=2&a=1'],
    ['http://example.gov.cn/%e6%94%bf', 'http://example.gov.cn/%E6%94%BF'],
    ['http://example.gov.cn/政务 公开/a b.html', 'http://example.gov.cn/%E6%94%BF%E5%8A%A1%20%E5%85%AC%E5%BC%80/a%20b.html'],
    ['not a url', 'not a url'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it('Chinese paths written raw and pre-encoded are the same URL', () => {
    expect(normalizeUrl('http://x.gov.cn/附件/通知.pdf')).toBe(normalizeUrl('http://x.gov.cn/%E9%99%84%E4%BB%B6/%e9%80%9a%e7%9f%a5.pdf'));
  });
});

describe('comparableUrl', () => {
  it.each([
    ['http://x.gov.cn/zwgk/index.html', 'http://x.gov.cn/zwgk/'],
    ['http://x.gov.cn/zwgk/index.shtml', 'http://x.gov.cn/zwgk/'],
    ['http://x.gov.cn/zwgk/default.htm', 'http://x.gov.cn/zwgk/'],
    ['http://x.gov.cn/zwgk', 'http://x.gov.cn/zwgk/'],
    ['http://x.gov.cn/list.jsp?b=2&a=1', 'http://x.gov.cn/list.jsp?a=1&b=2'],
    ['http://x.gov.cn/a/detail.html#top', 'http://x.gov.cn/a/detail.html'],
  ])('%s → %s', (input, expected) => {
    expect(comparableUrl(input)).toBe(expected);
  });

  it('keeps different pages apart', () => {
    expect(comparableUrl('http://x.gov.cn/a/index.html')).not.toBe(comparableUrl('http://x.gov.cn/b/index.html'));
  });
});

describe('resolveHref', () => {
  it.each([
    ['../zcwj/a.html', 'https://www.example.gov.cn/zwgk/zcwj/a.html', ''],
    ['/images/红头.png', 'https://www.example.gov.cn/images/%E7%BA%A2%E5%A4%B4.png', ''],
    ['  ./a b.pdf\n', 'https://www.example.gov.cn/zwgk/tzgg/a%20b.pdf', ''],
    ['#%E6%AD%A3%E6%96%87', 'https://www.example.gov.cn/zwgk/tzgg/index.html', '正文'],
    ['//cdn.example.com/x.js', 'https://cdn.example.com/x.js', ''],
    ['http://localhost:3000/a', 'http://localhost:3000/a', ''],
  ])('%s resolves', (raw, url, fragment) => {
    expect(resolveHref(raw, BASE)).toEqual({ ok: true, url, fragment });
  });

  it.each([
    ['mailto:zwgk@example.gov.cn', 'mailto:'],
    ['tel:010-12345678', 'tel:'],
    ['javascript:void(0)', 'javascript:'],
    ['JavaScript:;', 'javascript:'],
  ])('%s is skipped, not reported', (raw, scheme) => {
    expect(resolveHref(raw, BASE)).toEqual({ ok: false, problem: { kind: 'skipped', scheme } });
  });

  it.each([
    ['http://', 'unparsable'],
    ['http://http://www.example.gov.cn/a.html', 'bad-host'],
    ['htp://www.example.gov.cn', 'unsupported-scheme'],
    ['http://www..gov.cn/', 'bad-host'],
    ['   ', 'empty'],
  ])('%s is malformed (%s)', (raw, reason) => {
    expect(resolveHref(raw, BASE)).toEqual({ ok: false, problem: { kind: 'malformed', reason } });
  });
});

describe('isSameSite', () => {
  const hosts = siteHostsOf(['https://www.example.gov.cn/']);
  it.each([
    ['https://www.example.gov.cn/a', true],
    ['http://example.gov.cn/a', true],
    ['https://WWW.EXAMPLE.GOV.CN/', true],
    ['https://fgw.example.gov.cn/', false],
    ['https://www.example.gov.cn:8443/', false],
    ['https://www.gov.cn/', false],
    ['garbage', false],
  ])('%s → %s', (url, same) => {
    expect(isSameSite(url, hosts)).toBe(same);
  });

  it('takes aliases', () => {
    expect(isSameSite('http://old.example.cn/x', siteHostsOf(['www.example.gov.cn', 'old.example.cn']))).toBe(true);
  });
});
