/**
 * `privacy` check: personal data exposed in public pages (涉及个人隐私的信息未做去标识化处理) — ID numbers that pass
 * the GB 11643 checksum, mobile numbers and bank card numbers, typically in 公示 lists. Masked forms pass.
 * Findings never carry the full number: message, subject and excerpt show it masked, and the location
 * (text offsets) lets the overlay highlight the original on the page.
 */
import { findPersonalData } from '../risk/personal-data';
import type { PersonalDataKind, PersonalDataMatch } from '../risk/personal-data';
import type { CheckResult, PageCheck } from './types';
import { excerptAround } from '../text/excerpt';

const KIND_LABEL: Record<PersonalDataKind, string> = {
  'id-number': '身份证号',
  mobile: '手机号码',
  'bank-card': '银行卡号',
};

/** The text around a match, with every personal number in it masked. */
function maskedExcerpt(text: string, matches: PersonalDataMatch[], focus: PersonalDataMatch): string {
  return excerptAround(text, focus.start, focus.end, (from, to) => {
    let out = '';
    let at = from;
    for (const m of matches) {
      if (m.end <= from || m.start >= to) continue;
      out += text.slice(at, Math.max(at, m.start)) + m.masked;
      at = m.end;
    }
    return out + text.slice(at, to);
  });
}

/** Personal data in the page's text blocks (visible, hidden, editor areas and form fields alike). */
export const privacyCheck: PageCheck = {
  id: 'privacy',
  run(snapshot, ctx) {
    const byNumber = new Map<string, CheckResult & { detail: { count: number } }>();
    snapshot.blocks.forEach((block, index) => {
      const matches = findPersonalData(block.text, ctx.now);
      for (const m of matches) {
        const subject = `${m.kind}:${m.masked}`;
        const seen = byNumber.get(subject);
        if (seen) {
          seen.detail.count++;
          continue;
        }
        byNumber.set(subject, {
          check: 'privacy',
          severity: 'major',
          message: `泄露个人信息：${KIND_LABEL[m.kind]}未做去标识化处理（${m.masked}）`,
          subject,
          excerpt: maskedExcerpt(block.text, matches, m),
          location: { kind: 'text', block: index, start: m.start, end: m.end },
          detail: { kind: m.kind, masked: m.masked, count: 1 },
        });
      }
    });
    return [...byNumber.values()];
  },
};
