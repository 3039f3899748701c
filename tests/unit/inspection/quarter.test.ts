import { describe, expect, it } from 'vitest';
import {
  compareQuarters,
  formatQuarter,
  isQuarter,
  nextQuarter,
  normalizeQuarter,
  quarterLabel,
  quarterOf,
  recentQuarters,
  shiftQuarter,
} from '../../../lib/inspection/quarter';

describe('quarterOf', () => {
  it.each([
    [new Date(2026, 0, 1), '2026Q1'],
    [new Date(2026, 2, 31, 23, 59), '2026Q1'],
    [new Date(2026, 3, 1), '2026Q2'],
    [new Date(2026, 8, 30), '2026Q3'],
    [new Date(2026, 9, 1), '2026Q4'],
    [new Date(2026, 11, 31, 23, 59), '2026Q4'],
  ])('%s → %s', (date, expected) => {
    expect(quarterOf(date)).toBe(expected);
  });
});

describe('parse and normalise', () => {
  it.each([
    ['2026Q4', '2026Q4'],
    ['2026q1', '2026Q1'],
    ['2026-Q2', '2026Q2'],
    [' 2026 Q3 ', '2026Q3'],
    ['2026年第4季度', '2026Q4'],
    ['2026年第四季度', '2026Q4'],
    ['2026年一季度', '2026Q1'],
    ['2026Q5', null],
    ['2026Q0', null],
    ['26Q1', null],
    ['2026', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeQuarter(input)).toBe(expected);
  });

  it.each([
    ['2026Q4', true],
    ['2026q4', false],
    ['2026-Q4', false],
    ['2026Q5', false],
  ])('isQuarter(%j) is %s (only the stored form)', (input, expected) => {
    expect(isQuarter(input)).toBe(expected);
  });

  it('formatQuarter rejects parts out of range', () => {
    expect(() => formatQuarter({ year: 2026, q: 5 })).toThrow(RangeError);
    expect(() => formatQuarter({ year: 26, q: 1 })).toThrow(RangeError);
  });
});

describe('arithmetic', () => {
  it.each([
    ['2026Q4', 1, '2027Q1'],
    ['2026Q1', -1, '2025Q4'],
    ['2026Q2', 0, '2026Q2'],
    ['2026Q2', 9, '2028Q3'],
    ['2026Q2', -9, '2024Q1'],
  ])('shiftQuarter(%s, %i) = %s', (q, n, expected) => {
    expect(shiftQuarter(q, n)).toBe(expected);
  });

  it('nextQuarter is the quarter after', () => {
    expect(nextQuarter('2026Q4')).toBe('2027Q1');
  });

  it('compares', () => {
    expect(compareQuarters('2026Q4', '2027Q1')).toBeLessThan(0);
    expect(compareQuarters('2027Q1', '2026Q4')).toBeGreaterThan(0);
    expect(compareQuarters('2026Q4', '2026Q4')).toBe(0);
  });

  it('throws on an invalid quarter', () => {
    expect(() => nextQuarter('2026Q7')).toThrow(/季度/);
  });
});

describe('labels', () => {
  it.each([
    ['2026Q1', '2026年第一季度'],
    ['2026Q4', '2026年第四季度'],
  ])('label of %s', (q, label) => {
    expect(quarterLabel(q)).toBe(label);
  });
});

describe('recentQuarters', () => {
  const now = new Date(2026, 10, 15);

  it('lists next, current and past quarters, newest first', () => {
    expect(recentQuarters(now, 4, 1)).toEqual(['2027Q1', '2026Q4', '2026Q3', '2026Q2', '2026Q1']);
  });

  it('without future quarters starts at the current one', () => {
    expect(recentQuarters(now, 2, 0)).toEqual(['2026Q4', '2026Q3']);
  });

  it('keeps older quarters that hold data, in order, without duplicates', () => {
    expect(recentQuarters(now, 2, 0, ['2024Q2', '2026Q3', 'bad'])).toEqual(['2026Q4', '2026Q3', '2024Q2']);
  });
});
