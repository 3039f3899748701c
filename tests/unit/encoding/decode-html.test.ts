import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, charsetFromMeta, decodeHtml, encodingForLabel } from '../../../lib/encoding/decode-html';

const TEXT = '青山市人民政府 朱镕基 王喆 𠮷 2026年11月5日';
const page = (head: string, body = TEXT) => `<!DOCTYPE html><html><head>${head}<title>首页</title></head><body><p>${body}</p></body></html>`;
const gbk = (s: string) => new Uint8Array(iconv.encode(s, 'gbk'));
const gb18030 = (s: string) => new Uint8Array(iconv.encode(s, 'gb18030'));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeHtml', () => {
  it('uses the Content-Type charset (GB2312 label, GBK bytes)', () => {
    const body = page('', '朱镕基 王喆 政务公开');
    const d = decodeHtml(gbk(body), 'text/html; charset=GB2312');
    expect(d).toMatchObject({ charset: 'gb18030', source: 'header', declared: 'GB2312' });
    expect(d.text).toContain('朱镕基 王喆 政务公开');
  });

  it('reads <meta charset> in the first 1024 bytes', () => {
    const d = decodeHtml(gbk(page('<meta charset="gbk">', '通知公告')), 'text/html');
    expect(d).toMatchObject({ charset: 'gb18030', source: 'meta', declared: 'gbk' });
    expect(d.text).toContain('通知公告');
  });

  it('reads <meta http-equiv="Content-Type" content="…charset=gb2312">', () => {
    const html = page('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=gb2312">', '网站地图');
    const d = decodeHtml(gbk(html));
    expect(d).toMatchObject({ source: 'meta', declared: 'gb2312' });
    expect(d.text).toContain('网站地图');
  });

  it('decodes four-byte GB18030 sequences (characters outside GBK)', () => {
    const d = decodeHtml(gb18030(page('<meta charset="gb18030">')));
    expect(d.text).toContain(TEXT);
  });

  it('lets the header win over the meta tag, and the BOM win over both', () => {
    const html = page('<meta charset="gbk">', '首页');
    expect(decodeHtml(utf8(html), 'text/html; charset=utf-8')).toMatchObject({ charset: 'utf-8', source: 'header' });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(html)]);
    const d = decodeHtml(withBom, 'text/html; charset=gbk');
    expect(d).toMatchObject({ charset: 'utf-8', source: 'bom' });
    expect(d.text.startsWith('<!DOCTYPE')).toBe(true);
  });

  it('decodes UTF-16LE with a BOM', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode('<p>政务</p>', 'utf16le')]);
    expect(decodeHtml(bytes)).toMatchObject({ text: '<p>政务</p>', source: 'bom', charset: 'utf-16le' });
  });

  it('ignores a meta charset beyond the first 1024 bytes and a commented-out one', () => {
    const late = `<html><head>${' '.repeat(1100)}<meta charset="gbk"></head><body>政务</body></html>`;
    expect(decodeHtml(utf8(late))).toMatchObject({ source: 'default', charset: 'utf-8' });
    const commented = '<html><head><!-- <meta charset="gbk"> --><meta charset="utf-8"></head><body>政务</body></html>';
    expect(decodeHtml(utf8(commented))).toMatchObject({ source: 'meta', charset: 'utf-8' });
  });

  it('treats a UTF-16 meta label as UTF-8', () => {
    expect(decodeHtml(utf8(page('<meta charset="utf-16">', '政务')))).toMatchObject({ charset: 'utf-8', source: 'meta' });
  });

  it('falls back to GB18030 for undeclared bytes that are not UTF-8', () => {
    const d = decodeHtml(gbk('<html><body>政府信息公开</body></html>'));
    expect(d).toMatchObject({ charset: 'gb18030', source: 'sniffed' });
    expect(d.text).toContain('政府信息公开');
    expect(decodeHtml(utf8('<p>政府信息公开</p>'))).toMatchObject({ charset: 'utf-8', source: 'default', text: '<p>政府信息公开</p>' });
  });

  it('skips an unknown label and goes on to the next source', () => {
    const d = decodeHtml(gbk(page('<meta charset="gbk">', '政务')), 'text/html; charset=x-unknown-thing');
    expect(d).toMatchObject({ source: 'meta', charset: 'gb18030' });
  });
});

describe('charset helpers', () => {
  it.each([
    ['text/html; charset=GBK', 'GBK'],
    ['text/html;charset="gb2312"', 'gb2312'],
    ["text/html; charset='utf-8'; foo=bar", 'utf-8'],
    ['text/html', undefined],
  ])('charsetFromContentType(%s)', (value, expected) => {
    expect(charsetFromContentType(value)).toBe(expected);
  });

  it.each([
    ['gb2312', 'gb18030'],
    ['GBK', 'gb18030'],
    ['x-gbk', 'gb18030'],
    ['utf8', 'utf-8'],
    ['big5', 'big5'],
    ['nonsense', undefined],
  ])('encodingForLabel(%s)', (label, expected) => {
    expect(encodingForLabel(label)).toBe(expected);
  });

  it('finds the meta charset with single quotes and no quotes', () => {
    expect(charsetFromMeta(utf8("<meta charset='gb2312'>"))).toBe('gb2312');
    expect(charsetFromMeta(utf8('<meta http-equiv=Content-Type content=text/html;charset=gbk>'))).toBe('gbk');
  });
});
