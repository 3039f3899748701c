import { describe, expect, it } from 'vitest';
import { bareHost, normalizeHomeUrl, urlKey } from '../../../lib/site-list/url';

describe('URLs', () => {
  it.each<[string, string, boolean, RegExp | null]>([
    ['http://www.a.gov.cn', 'http://www.a.gov.cn/', false, null],
    ['https://www.a.gov.cn/index.html#top', 'https://www.a.gov.cn/index.html', false, null],
    ['www.a.gov.cn', 'http://www.a.gov.cn/', true, null],
    ['http：//www.a.gov.cn／', 'http://www.a.gov.cn/', false, null],
    ['  WWW.A.GOV.CN/Path ', 'http://www.a.gov.cn/Path', true, null],
    ['', '', false, /为空/],
    ['ftp://a.gov.cn', '', false, /http/],
    ['示例', '', false, /缺少有效域名|无法识别/],
  ])('%j', (input, url, added, error) => {
    const result = normalizeHomeUrl(input);
    expect(result.url).toBe(url);
    expect(result.addedScheme).toBe(added);
    if (error) expect(result.error).toMatch(error);
    else expect(result.error).toBeUndefined();
  });

  it.each([
    ['http://www.a.gov.cn/', 'https://a.gov.cn'],
    ['www.a.gov.cn/index.html', 'http://a.gov.cn/'],
    ['http://a.gov.cn/xxgk/', 'http://www.a.gov.cn/xxgk/default.htm'],
    ['http://a.gov.cn/s?b=2&a=1', 'https://a.gov.cn/s?a=1&b=2'],
  ])('%s and %s are the same site', (a, b) => {
    expect(urlKey(a)).toBe(urlKey(b));
  });

  it.each([
    ['http://a.gov.cn/', 'http://b.gov.cn/'],
    ['http://a.gov.cn/x/', 'http://a.gov.cn/y/'],
    ['http://a.gov.cn:8080/', 'http://a.gov.cn/'],
  ])('%s and %s differ', (a, b) => {
    expect(urlKey(a)).not.toBe(urlKey(b));
  });

  it('bareHost drops www and the path', () => {
    expect(bareHost('https://www.a.gov.cn/x/')).toBe('a.gov.cn');
    expect(bareHost('www.a.gov.cn')).toBe('a.gov.cn');
  });
});
