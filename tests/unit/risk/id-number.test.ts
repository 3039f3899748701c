import { describe, expect, it } from 'vitest';
import { idCheckChar, isValidIdNumber } from '../../../lib/risk/id-number';
import { withCheck } from './make-numbers';

const NOW = new Date('2026-06-30T00:00:00Z');

describe('isValidIdNumber', () => {
  it('computes the GB 11643 check character of the standard example', () => {
    // The example number of GB 11643-1999 itself.
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X', NOW)).toBe(true);
    expect(isValidIdNumber('11010519491231002x', NOW)).toBe(true);
  });

  it.each([
    ['wrong check digit', '110105194912310021'],
    ['province 99', withCheck('99010519491231002')],
    ['province 00', withCheck('00010519491231002')],
    ['month 13', withCheck('11010519491331002')],
    ['30 February', withCheck('11010520000230002')],
    ['born before 1900', withCheck('11010518991231002')],
    ['born in the future', withCheck('11010520270101002')],
    ['17 digits', '11010519491231002'],
    ['letters', '11010519491231002A'],
  ])('rejects %s', (_name, value) => {
    expect(isValidIdNumber(value, NOW)).toBe(false);
  });

  it.each([
    withCheck('44030619851112351'),
    withCheck('81000019900101123'),
    withCheck('83000019900101123'),
    withCheck('32010220000229456'),
  ])('accepts %s', (value) => {
    expect(isValidIdNumber(value, NOW)).toBe(true);
  });
});
