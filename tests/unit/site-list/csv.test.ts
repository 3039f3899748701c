import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '../../../lib/site-list/csv';

describe('CSV', () => {
  it.each<[string, string]>([
    ['a,b,c\n1,2,3', ','],
    ['a\tb\tc\n1\t2\t3', '\t'],
    ['a;b;c\n1;2;3', ';'],
    ['名称;网址\n"甲,乙";http://a.gov.cn', ';'],
    ['名称，备注,网址\n甲，乙,http://a.gov.cn', ','],
  ])('detects the separator of %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('reads quoted fields, doubled quotes, separators and line breaks inside quotes, CRLF, and keeps line numbers', () => {
    const text = 'a,b\r\n"x, y","say ""hi"""\r\n"two\nlines",z\r\n\r\n last , row ';
    expect(parseCsv(text)).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['x, y', 'say "hi"'], line: 2 },
      { cells: ['two\nlines', 'z'], line: 3 },
      { cells: [''], line: 5 },
      { cells: ['last', 'row'], line: 6 },
    ]);
  });
});
