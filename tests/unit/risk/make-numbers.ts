/** Builds valid-looking ID and card numbers for tests, so no test carries a real person's number. */
import { luhnValid } from '../../../lib/risk/bank-card';
import { idCheckChar } from '../../../lib/risk/id-number';

/** Completes 17 digits with their GB 11643 check character. */
export function withCheck(first17: string): string {
  return first17 + idCheckChar(first17);
}

/** Appends the Luhn check digit. */
export function withLuhn(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}
