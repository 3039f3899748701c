import { describe, expect, it } from 'vitest';
import { isPlausibleBankCard, luhnValid } from '../../../lib/risk/bank-card';
import { withLuhn } from './make-numbers';

describe('luhnValid', () => {
  it.each([
    ['4111111111111111', true],
    ['4111111111111112', false],
    ['79927398713', true],
    ['79927398710', false],
    ['', false],
    ['12a4', false],
  ])('%s → %s', (digits, ok) => {
    expect(luhnValid(digits)).toBe(ok);
  });
});

describe('isPlausibleBankCard', () => {
  it.each([
    ['UnionPay 19 digits', withLuhn('622202123456789012'), true],
    ['UnionPay 16 digits', withLuhn('621700123456789'), true],
    ['Visa', '4111111111111111', true],
    ['Mastercard 2-series', withLuhn('222100123456789'), true],
    ['old domestic 9558', withLuhn('955880123456789012'), true],
    ['Luhn-valid but prefix 1', withLuhn('110000123456789'), false],
    ['Luhn-valid but prefix 8', withLuhn('800000123456789'), false],
    ['15 digits', withLuhn('62220212345678'), false],
    ['20 digits', withLuhn('6222021234567890123'), false],
    ['Luhn fails', `${withLuhn('622202123456789012').slice(0, -1)}${(Number(withLuhn('622202123456789012').slice(-1)) + 1) % 10}`, false],
  ])('%s → %s', (_name, digits, ok) => {
    expect(isPlausibleBankCard(digits)).toBe(ok);
  });
});
