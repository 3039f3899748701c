import { describe, expect, it } from 'vitest';
import { cellText } from '../../../lib/site-list/xlsx';

describe('cellText', () => {
  it.each<[unknown, string]>([
    [4101000001, '4101000001'],
    [1.5, '1.5'],
    [null, ''],
    [' 甲 ', '甲'],
    [new Date('2026-10-01T00:00:00Z'), '2026-10-01'],
    [true, 'true'],
  ])('%j → %j', (value, text) => {
    expect(cellText(value)).toBe(text);
  });
});
