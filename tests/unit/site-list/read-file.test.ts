import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { SiteRecord } from '../../../lib/db/records';
import { previewSiteListFile, readSiteListFile } from '../../../lib/site-list/read-file';

const DIR = join(__dirname, '../../fixtures/site-lists');
const load = (name: string) => ({ name, data: new Uint8Array(readFileSync(join(DIR, name))) });

const GOOD_NAMES = ['示例市人民政府', '示例市发展和改革委员会', '示例市教育局', '示例市生态环境局', '示例县人民政府'];

describe('sample files', () => {
  it.each<[string, string | undefined, number]>([
    ['sites-utf8-bom.csv', 'utf-8-bom', 1],
    ['sites-utf8.csv', 'utf-8', 2],
    ['sites-gbk.csv', 'gb18030', 1],
  ])('%s: five good sites (encoding %s, header on row %i)', async (name, encoding, headerLine) => {
    const { file, preview } = await previewSiteListFile(load(name), []);
    expect(file).toMatchObject({ format: 'csv', encoding, headerLine, fileErrors: [] });
    expect(preview?.rowsOk.map((r) => r.name.replace(/（.*$/, ''))).toEqual(GOOD_NAMES);
    expect(preview?.rowsOk.map((r) => r.siteCode)).toEqual(['4101000001', '4101000002', '4101000003', '4101000004', '4101220001']);
    expect(preview?.messages).toEqual([]);
  });

  it('sites-one-bad-row.csv: one error naming row 4, three sites ready', async () => {
    const { preview } = await previewSiteListFile(load('sites-one-bad-row.csv'), []);
    expect(preview?.summary).toMatchObject({ dataRows: 4, ok: 3, errors: 1 });
    expect(preview?.messages.map((m) => m.text)).toEqual(['第4行：网站标识码“410100005”应为10位数字（当前9位）']);
  });

  it('sites-bad-input.csv: each problem on its own row', async () => {
    const { preview } = await previewSiteListFile(load('sites-bad-input.csv'), []);
    const byLine = (line: number) => preview?.messages.filter((m) => m.line === line).map((m) => `${m.level}:${m.text}`) ?? [];
    expect(byLine(2)).toEqual([expect.stringMatching(/^warning:第2行：首页网址.*已按 http:\/\/ 补全$/)]);
    expect(byLine(3)).toContainEqual(expect.stringMatching(/^error:第3行：网站标识码“41010000071”应为10位数字（当前11位）$/));
    expect(byLine(4)).toEqual([expect.stringMatching(/^error:第4行：网站标识码“4101000008”与第5行相同/)]);
    expect(byLine(5)).toEqual([expect.stringMatching(/^error:第5行：网站标识码“4101000008”与第4行相同/)]);
    expect(byLine(6)).toEqual(['error:第6行：网站名称为空']);
    expect(byLine(7)).toEqual([expect.stringMatching(/^note:第7行：与第2行重复/)]);
    expect(byLine(9)).toEqual([expect.stringMatching(/^error:第9行：.*省级行政区划代码/)]);
    expect(preview?.rowsOk.map((r) => r.lines)).toEqual([[2, 7], [8]]);
    expect(preview?.rowsWithErrors.map((r) => r.lines[0])).toEqual([3, 4, 5, 6, 9]);
  });

  it('sites-multi-sheet.xlsx: picks the list sheet, reads the merged two-row header and a numeric code', async () => {
    const { file, preview } = await previewSiteListFile(load('sites-multi-sheet.xlsx'), []);
    expect(file).toMatchObject({ format: 'xlsx', sheet: '网站名单', sheets: ['填表说明', '网站名单', '汇总'], headerLine: 3, columns: { name: 1, url: 2, code: 3 } });
    expect(file.fileNotes).toEqual(['文件有3个工作表，使用表头匹配的工作表“网站名单”']);
    expect(preview?.rowsOk.map((r) => r.name)).toEqual([...GOOD_NAMES, '示例市统计局']);
    expect(preview?.rowsOk[2]?.siteCode).toBe('4101000003');
    expect(preview?.messages.map((m) => m.text)).toEqual([expect.stringMatching(/^第9行：首页网址“tjj\.shili\.example\.gov\.cn”缺少/)]);
  });

  it('merges with stored sites by URL or code', async () => {
    const stored: SiteRecord = {
      id: 's1', name: '示例市人民政府门户网站', homeUrl: 'https://shili.example.gov.cn/', siteCode: '',
      aliases: [], createdAt: 'x', updatedAt: 'x',
    };
    const { preview } = await previewSiteListFile(load('sites-utf8-bom.csv'), [stored]);
    expect(preview?.merges).toHaveLength(1);
    expect(preview?.merges[0]).toMatchObject({ site: { id: 's1' }, changes: { siteCode: '4101000001' } });
    expect(preview?.rowsOk).toHaveLength(4);
  });
});

describe('bad files', () => {
  it.each<[string, { name: string; data: Uint8Array }, RegExp]>([
    ['empty', { name: 'a.csv', data: new Uint8Array() }, /文件为空/],
    ['old .xls', { name: 'a.xls', data: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) }, /不支持旧版 \.xls/],
    ['CSV without header', { name: 'a.csv', data: new TextEncoder().encode('甲,乙\n1,2') }, /未找到表头/],
    ['broken .xlsx', { name: 'a.xlsx', data: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) }, /无法读取 Excel 文件/],
  ])('%s', async (_name, file, message) => {
    const parsed = await readSiteListFile(file);
    expect(parsed.fileErrors.join()).toMatch(message);
    expect(parsed.rows).toEqual([]);
  });

  it('an xlsx whose sheets have no header', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(DIR, 'sites-multi-sheet.xlsx')));
    const path = 'xl/worksheets/sheet2.xml';
    const xml = (await zip.file(path)!.async('string')).replace(/网站名称|首页网址/g, '备注');
    // Shared strings hold the texts in most writers; replace them there too.
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('sharedStrings.xml'))) {
      zip.file(name, (await zip.file(name)!.async('string')).replace(/网站名称|首页网址/g, '备注'));
    }
    zip.file(path, xml);
    const data = await zip.generateAsync({ type: 'uint8array' });
    const parsed = await readSiteListFile({ name: 'x.xlsx', data });
    expect(parsed.fileErrors).toEqual(['3个工作表中都未找到表头：需要包含“网站名称”和“首页网址”两列（可选“网站标识码”）']);
  });
});
