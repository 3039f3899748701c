/**
 * Bank card numbers: 16–19 digits, Luhn check digit, and an issuer prefix that cards in China actually use.
 * The prefix test is what keeps long document numbers out: a random digit run passes Luhn one time in ten.
 */

/** Luhn (ISO/IEC 7812) check over a string of digits. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * Issuer prefixes: 62 银联, 60 (domestic debit, e.g. 6013), 4 Visa, 51–55 and 2221–2720 Mastercard, 35 JCB,
 * 94/95 (old domestic debit such as 9558, 9559).
 */
const ISSUER_PREFIX = /^(?:62|60|4|5[1-5]|2(?:2[2-9][1-9]|2[3-9]\d|[3-6]\d{2}|7[01]\d|720)|35|9[45])/;

/** Whether a digit string looks like a bank card number. */
export function isPlausibleBankCard(digits: string): boolean {
  return /^\d{16,19}$/.test(digits) && ISSUER_PREFIX.test(digits) && luhnValid(digits);
}
