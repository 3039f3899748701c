import JSZip from 'jszip';
import { readSheet } from 'read-excel-file/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildXlsx } from '../../../lib/bundle/xlsx';

const table = {
  sheetName: '通报附表',
  header: ['序号', '网站名称', '存在的问题'],
  rows: [
    [1, '示例市<人民>政府 & "办"', '第一行\n第二行'],
    [2, '控制字符\u0001被去掉', '=1+1'],
  ],
  widths: [6, 20, 40],
};

describe('summary XLSX', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads back as the same table', async () => {
    const bytes = await buildXlsx(table, new Date('2026-12-31T00:00:00Z'));
    const rows = await readSheet(Buffer.from(bytes));
    expect(rows).toEqual([
      ['序号', '网站名称', '存在的问题'],
      [1, '示例市<人民>政府 & "办"', '第一行\n第二行'],
      [2, '控制字符被去掉', '=1+1'],
    ]);
  });

  it('gives the same bytes for the same table and date', async () => {
    // The clock moves between the two builds: only `date` may reach the zip entries.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-03-01T10:00:00Z'));
    const a = await buildXlsx(table, new Date('2026-12-31T00:00:00Z'));
    vi.setSystemTime(new Date('2027-05-09T17:33:12Z'));
    const b = await buildXlsx(table, new Date('2026-12-31T00:00:00Z'));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('stores text cells as strings, not formulas', async () => {
    const zip = await JSZip.loadAsync(await buildXlsx(table, new Date('2026-12-31T00:00:00Z')));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).not.toContain('<f>');
    expect(sheet).toContain('t="inlineStr"');
  });
});
