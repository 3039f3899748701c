import { describe, expect, it } from 'vitest';
import { findHeader, normalizeLabel } from '../../../lib/site-list/header';

describe('header detection', () => {
  it.each<[string, string[][], { firstRow: number; lastRow: number; columns: { name: number; url: number; code: number } } | null]>([
    ['standard order', [['网站名称', '首页网址', '网站标识码']], { firstRow: 0, lastRow: 0, columns: { name: 0, url: 1, code: 2 } }],
    ['any order, with 序号', [['序号', '网站标识码', '首页网址', '网站名称']], { firstRow: 0, lastRow: 0, columns: { name: 3, url: 2, code: 1 } }],
    ['short names', [['名称', 'URL', '标识码']], { firstRow: 0, lastRow: 0, columns: { name: 0, url: 1, code: 2 } }],
    ['网站 + 网站地址', [['网站', '网站地址']], { firstRow: 0, lastRow: 0, columns: { name: 0, url: 1, code: -1 } }],
    ['marks and hints', [['*网站名称（全称）', '首页网址 *', '网站标识码(10位)']], { firstRow: 0, lastRow: 0, columns: { name: 0, url: 1, code: 2 } }],
    ['below a title row', [['2026年网站名单'], [], ['网站名称', '网址']], { firstRow: 2, lastRow: 2, columns: { name: 0, url: 1, code: -1 } }],
    [
      'two-level merged header',
      [['序号', '网站名称', '网站信息', ''], ['', '', '首页网址', '网站标识码'], ['1', '甲', 'http://a.gov.cn', '4101000001']],
      { firstRow: 0, lastRow: 1, columns: { name: 1, url: 2, code: 3 } },
    ],
    [
      'a data row under the header is not header',
      [['网站名称', '首页网址'], ['网站', 'http://a.gov.cn']],
      { firstRow: 0, lastRow: 0, columns: { name: 0, url: 1, code: -1 } },
    ],
    ['no URL column', [['网站名称', '备注']], null],
    ['nothing', [], null],
  ])('%s', (_name, rows, expected) => {
    expect(findHeader(rows)).toEqual(expected);
  });

  it('normalises labels', () => {
    expect(normalizeLabel(' 网站 名称（必填）： ')).toBe('网站名称');
    expect(normalizeLabel('URL')).toBe('url');
  });
});
