import { describe, expect, it } from 'vitest';
import { findDates, findYears } from '../../../lib/dates/find-dates';

const one = (text: string, opts = {}) => {
  const found = findDates(text, opts);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('findDates — full dates', () => {
  it.each([
    ['发布时间：2026-11-05', '2026-11-05', 2026, 11, 5],
    ['2026/11/05 来源：市政府办', '2026/11/05', 2026, 11, 5],
    ['[2026.11.05]', '2026.11.05', 2026, 11, 5],
    ['2026年11月5日，市政府召开常务会议', '2026年11月5日', 2026, 11, 5],
    ['2026 年 11 月 05 日', '2026 年 11 月 05 日', 2026, 11, 5],
    ['二〇二六年十一月五日', '二〇二六年十一月五日', 2026, 11, 5],
    ['二○二五年十二月三十一日印发', '二○二五年十二月三十一日', 2025, 12, 31],
    ['二〇二四年二月二十九日', '二〇二四年二月二十九日', 2024, 2, 29],
    ['２０２６－１１－０５', '２０２６－１１－０５', 2026, 11, 5],
    ['2026-1-5 10:30', '2026-1-5', 2026, 1, 5],
    ['2026年3月8号', '2026年3月8号', 2026, 3, 8],
  ])('%s', (text, written, year, month, day) => {
    const d = one(text);
    expect(d).toMatchObject({ text: written, year, month, day, valid: true, yearFromContext: false });
    expect(text.slice(d.start, d.end)).toBe(written);
  });

  it('gives UTF-16 offsets after astral characters', () => {
    const text = '𠮷𠮷 发布于2026-11-05';
    const d = one(text);
    expect(d.start).toBe(text.indexOf('2026'));
    expect(d.start).toBe(8); // two surrogate pairs (4) + space + 发布于
  });

  it('finds several dates in order', () => {
    const found = findDates('2025年1月15日至2025-02-28，2025.03.01另行通知');
    expect(found.map((d) => d.text)).toEqual(['2025年1月15日', '2025-02-28', '2025.03.01']);
  });

  it.each([
    ['2026年2月30日', 'day'],
    ['2025-02-29', 'day'],
    ['2026-13-05', 'month'],
    ['2026.00.10', 'month'],
    ['2026年4月31日', 'day'],
    ['0000-00-00', 'month'],
    ['0000-01-01', 'year'],
    ['2106-05-12', 'year'],
    ['2106年5月12日', 'year'],
  ])('marks %s impossible (%s)', (text, problem) => {
    expect(one(text)).toMatchObject({ valid: false, problem });
  });

  it('accepts 29 February of leap years only', () => {
    expect(one('2024-02-29').valid).toBe(true);
    expect(one('2100年2月29日').valid).toBe(false);
  });

  it.each([
    '版本 1.2.2026.11.05',
    '电话 0571-2026-11',
    '编号 12026-11-05',
    '文号 2026-11-051',
    '比例 2026.11.05.3',
    'GB/T 2260-2007',
    '2026年11月',
    '2026-2030年',
    '总计 3333.12.15',
    '11月5日', // month-day only when asked
    '[11-05]',
  ])('finds no full date in %s', (text) => {
    expect(findDates(text)).toEqual([]);
  });

  it('mixes of separators are not dates', () => {
    expect(findDates('/2026-11/05/')).toEqual([]);
  });
});

describe('findDates — month-day forms', () => {
  it.each([
    ['[11-05] 市政府召开常务会议', '[11-05]'],
    ['市政府召开常务会议 11-05', '11-05'],
    ['【03/07】通知', '【03/07】'],
    ['(11.05)', '(11.05)'],
    ['11月5日上午', '11月5日'],
  ])('%s under a year heading', (text, written) => {
    const d = one(text, { monthDay: true, year: 2025 });
    expect(d).toMatchObject({ text: written, year: 2025, yearFromContext: true, form: 'month-day', valid: true });
  });

  it('has no year without context, and still knows 2月30日 is impossible', () => {
    expect(one('2月30日前报送', { monthDay: true })).toMatchObject({ year: undefined, valid: false, problem: 'day' });
    expect(one('2月29日', { monthDay: true })).toMatchObject({ year: undefined, valid: true });
    expect(one('2月29日', { monthDay: true, year: 2025 }).valid).toBe(false);
  });

  it('prefers the full date over the month-day inside it', () => {
    const found = findDates('2026年11月5日 与 [11-06]', { monthDay: true, year: 2026 });
    expect(found.map((d) => [d.text, d.form])).toEqual([
      ['2026年11月5日', 'chinese'],
      ['[11-06]', 'month-day'],
    ]);
  });

  it.each(['10.25亿元', '1-3月', '第3/4季度', '5-6级大风'])('does not read %s as a date', (text) => {
    expect(findDates(text, { monthDay: true, year: 2026 })).toEqual([]);
  });
});

describe('findYears', () => {
  it('finds years written alone, not years of full dates', () => {
    const years = findYears('2106年度预算，2026年11月5日发布，到2035年');
    expect(years.map((y) => [y.text, y.year])).toEqual([
      ['2106年度', 2106],
      ['2035年', 2035],
    ]);
  });
});
