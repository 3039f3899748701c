/**
 * Finds personal data in a piece of text: ID numbers (GB 11643), mobile numbers and bank card numbers.
 * Digit runs are read whole, so a number inside a longer run (order numbers, 索引号) never matches a part of it,
 * and masked forms (110***********1234, 138****5678) never match at all.
 */
import { isPlausibleBankCard } from './bank-card';
import { isValidIdNumber } from './id-number';

export type PersonalDataKind = 'id-number' | 'mobile' | 'bank-card';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
  /** The number as written, separators removed. */
  digits: string;
  /** A masked form safe to store and show (first and last digits only). */
  masked: string;
}

/**
 * Digit runs (an ID may end in X), or the two ways people group numbers: 138-1234-5678 / 138 1234 5678 and cards in
 * fours (6222 0212 3456 7890 123). Separated runs are never joined otherwise, so a row “ID 手机号 卡号” gives three.
 * Letters, digits or mask stars right before or after make a run part of a longer code, which is skipped.
 */
const NUMBER_RUN =
  /(?<![\dA-Za-z*＊])(?:\d{3}([ -])\d{4}\1\d{4}(?![\dA-Za-z*＊])|\d{4}([ -])\d{4}\2\d{4}\2\d{4}(?:\2\d{1,3})?(?![\dA-Za-z*＊])|\d+[Xx]?(?![\dA-Za-z*＊]))/g;

/** Labels in front of a published work contact (咨询电话 of a service, 举报电话 …): those numbers are meant to be public. */
const CONTACT_LABEL = /(?:咨询|联系|办公|监督|举报|投诉|服务|值班|受理|预约|报名)(?:电话|热线|方式)|热线|联系人|电话/;
/** Labels in front of numbers that are not card numbers even when they pass Luhn. */
const NOT_A_CARD_LABEL = /索引号|编号|文号|代码|证号|订单|流水号|登记号|许可证|批准号/;

/** All personal data in `text`. `now` bounds ID birth dates. */
export function findPersonalData(text: string, now: Date = new Date()): PersonalDataMatch[] {
  const out: PersonalDataMatch[] = [];
  for (const m of text.matchAll(NUMBER_RUN)) {
    const written = m[0];
    const start = m.index;
    const digits = written.replace(/[ -]/g, '');
    const before = text.slice(Math.max(0, start - 12), start);
    const kind = kindOf(digits, written, before, now);
    if (kind) out.push({ kind, start, end: start + written.length, digits, masked: mask(digits, kind) });
  }
  return out;
}

function kindOf(digits: string, written: string, before: string, now: Date): PersonalDataKind | undefined {
  const grouped = written.length !== digits.length;
  if (digits.length === 18 && !grouped && isValidIdNumber(digits, now)) return 'id-number';
  if (/[Xx]$/.test(digits)) return undefined;
  if (digits.length === 11 && /^1[3-9]/.test(digits) && isMobileGrouping(written)) {
    return CONTACT_LABEL.test(before) ? undefined : 'mobile';
  }
  if (digits.length >= 16 && digits.length <= 19 && isPlausibleBankCard(digits) && !NOT_A_CARD_LABEL.test(before)) {
    return 'bank-card';
  }
  return undefined;
}

/** 13812345678, 138-1234-5678 or 138 1234 5678; other groupings are not how phone numbers are written. */
function isMobileGrouping(written: string): boolean {
  return /^\d{11}$/.test(written) || /^\d{3}([ -])\d{4}\1\d{4}$/.test(written);
}

function mask(digits: string, kind: PersonalDataKind): string {
  const [head, tail] = kind === 'mobile' ? [3, 4] : [6, 4];
  return digits.slice(0, head) + '*'.repeat(Math.max(0, digits.length - head - tail)) + digits.slice(-tail);
}
