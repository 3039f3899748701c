import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../lib/site-list/decode';

const TEXT = '网站名称,首页网址\n示例市人民政府,www.shili.gov.cn';
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it.each<[string, Uint8Array, string]>([
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)]), 'utf-8-bom'],
    ['UTF-8 without BOM', utf8(TEXT), 'utf-8'],
    ['GBK', new Uint8Array(iconv.encode(TEXT, 'gbk')), 'gb18030'],
    ['GB18030', new Uint8Array(iconv.encode(TEXT, 'gb18030')), 'gb18030'],
    ['UTF-16LE with BOM', new Uint8Array(iconv.encode(TEXT, 'utf-16le', { addBOM: true })), 'utf-16le'],
  ])('%s', (_name, bytes, encoding) => {
    expect(decodeText(bytes)).toEqual({ text: TEXT, encoding });
  });
});
