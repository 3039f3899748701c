import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../lib/bundle/csv';

describe('summary CSV', () => {
  it('starts with a UTF-8 BOM and ends every row with CRLF', () => {
    const csv = toCsv([['序号', '网站名称'], [1, '示例市人民政府']]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('序号,网站名称\r\n1,示例市人民政府\r\n');
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('quotes fields with commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvField('甲,乙')).toBe('"甲,乙"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField('平常文本')).toBe('平常文本');
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
  });

  it('keeps a line break inside a quoted field from splitting the row', () => {
    const csv = toCsv([['a', 'x\r\ny', 'b']]);
    expect(csv.slice(1)).toBe('a,"x\r\ny",b\r\n');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-3)).toBe('-3');
  });
});
