import { describe, expect, it } from 'vitest';
import { checkSiteCode, isValidSiteCode } from '../../../lib/site-list/site-code';

describe('网站标识码', () => {
  it.each<[string, string, RegExp | null]>([
    ['4101000001', '4101000001', null],
    [' 1100000088 ', '1100000088', null],
    ['BM17000009', 'bm17000009', null],
    ['bm17000009', 'bm17000009', null],
    ['', '', null],
    ['410100001', '410100001', /应为10位数字（当前9位）/],
    ['41010000011', '41010000011', /当前11位/],
    ['9901000001', '9901000001', /省级行政区划代码/],
    ['1600000001', '1600000001', /省级行政区划代码/],
    ['bm1700000', 'bm1700000', /bm 加8位数字/],
    ['41-01000001', '41-01000001', /格式不正确/],
  ])('%j', (input, code, error) => {
    const result = checkSiteCode(input);
    expect(result.code).toBe(code);
    if (error) expect(result.error).toMatch(error);
    else expect(result.error).toBeUndefined();
  });

  it('isValidSiteCode needs a code', () => {
    expect(isValidSiteCode('')).toBe(false);
    expect(isValidSiteCode('6501000001')).toBe(true);
  });
});
