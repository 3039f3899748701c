import { describe, expect, it } from 'vitest';
import { privacyCheck } from '../../../lib/checks/privacy';
import { block, makeSnapshot } from '../links/make-snapshot';
import { withCheck, withLuhn } from '../risk/make-numbers';
import { PRIVACY_PAGES } from '../../fixtures/site/content/privacy';
import type { TextBlock } from '../../../lib/scan/snapshot-types';

const CTX = { now: new Date('2026-06-30T00:00:00Z') };
const ID = withCheck('44030619851112351');
const CARD = withLuhn('622202123456789012');

describe('privacyCheck', () => {
  it('flags ID, mobile and card numbers in a 公示 list with text offsets, never repeating the full number', () => {
    const row = `张三 男 ${ID} 13812345678 ${CARD}`;
    const findings = privacyCheck.run(makeSnapshot({ blocks: [block('低保对象公示'), block(row, { tag: 'td' })] }), CTX);
    expect(findings.map((f) => [f.detail?.['kind'], f.severity, f.location])).toEqual([
      ['id-number', 'major', { kind: 'text', block: 1, start: row.indexOf(ID), end: row.indexOf(ID) + 18 }],
      ['mobile', 'major', { kind: 'text', block: 1, start: row.indexOf('138'), end: row.indexOf('138') + 11 }],
      ['bank-card', 'major', { kind: 'text', block: 1, start: row.indexOf(CARD), end: row.indexOf(CARD) + CARD.length }],
    ]);
    for (const f of findings) {
      const shown = `${f.message}${f.subject}${f.excerpt}`;
      expect(shown).not.toContain(ID);
      expect(shown).not.toContain('13812345678');
      expect(shown).not.toContain(CARD);
    }
    expect(findings[0]?.message).toBe(`泄露个人信息：身份证号未做去标识化处理（440306********${ID.slice(-4)}）`);
    expect(findings[1]?.excerpt).toContain('138****5678');
  });

  it('gives one finding per number, counting repeats', () => {
    const findings = privacyCheck.run(makeSnapshot({ blocks: [block(`${ID}`), block(`复核：${ID}`)] }), CTX);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.detail?.['count']).toBe(2);
  });

  it('passes a masked list and published service numbers', () => {
    const findings = privacyCheck.run(
      makeSnapshot({
        blocks: [
          block('张三 440306********1234 138****5678'),
          block('李四 110***1234'),
          block('咨询电话：13812345678'),
          block('索引号：11440300MB2C12345X/2024-00012'),
        ],
      }),
      CTX,
    );
    expect(findings).toEqual([]);
  });

  it('reads hidden text and editor areas too', () => {
    const findings = privacyCheck.run(
      makeSnapshot({ blocks: [block(ID, { hidden: ['display-none'] }), block('王五 13912345678', { source: 'editor' })] }),
      CTX,
    );
    expect(findings).toHaveLength(2);
  });
});

describe('privacyCheck on the fixture 公示 pages (one block per table cell)', () => {
  const blocksOf = (page: (typeof PRIVACY_PAGES)[number]): TextBlock[] => [
    block(page.body),
    ...page.tables.flatMap((t) => [t.head, ...t.rows].flatMap((row) => row.map((cell) => block(cell, { tag: 'td' })))),
  ];

  it('flags every planted leak and nothing else', () => {
    const leaking = PRIVACY_PAGES.find((p) => p.leaks.length > 0);
    if (!leaking) throw new Error('fixture changed');
    const findings = privacyCheck.run(makeSnapshot({ blocks: blocksOf(leaking) }), CTX);
    const kinds = { 'id-number': '身份证号', mobile: '手机号码', 'bank-card': '银行卡号' } as const;
    const found = findings.map((f) => {
      const loc = f.location;
      if (loc?.kind !== 'text') throw new Error('text location expected');
      return { kind: kinds[f.detail?.['kind'] as keyof typeof kinds], value: blocksOf(leaking)[loc.block]?.text.slice(loc.start, loc.end) };
    });
    const key = (l: { kind: string; value?: string }) => `${l.kind}${l.value ?? ''}`;
    expect(found.map(key).sort()).toEqual(leaking.leaks.map(key).sort());
  });

  it('passes the masked page', () => {
    const masked = PRIVACY_PAGES.find((p) => p.leaks.length === 0);
    if (!masked) throw new Error('fixture changed');
    expect(privacyCheck.run(makeSnapshot({ blocks: blocksOf(masked) }), CTX)).toEqual([]);
  });
});
