import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../../lib/risk/personal-data';
import { withCheck, withLuhn } from './make-numbers';

const NOW = new Date('2026-06-30T00:00:00Z');
const ID = withCheck('44030619851112351');
const CARD = withLuhn('622202123456789012');

function kinds(text: string): [string, string][] {
  return findPersonalData(text, NOW).map((m) => [m.kind, text.slice(m.start, m.end)]);
}

describe('findPersonalData', () => {
  it('finds an ID number in a 公示 row, with exact offsets and a masked form', () => {
    const text = `张三 男 ${ID} 低保户`;
    const [m] = findPersonalData(text, NOW);
    expect(m).toMatchObject({ kind: 'id-number', digits: ID, masked: `440306********${ID.slice(-4)}` });
    expect(text.slice(m?.start, m?.end)).toBe(ID);
  });

  it.each<[string, string, [string, string][]]>([
    ['mobile', '李四 13812345678', [['mobile', '13812345678']]],
    ['mobile with hyphens', '手机号 138-1234-5678。', [['mobile', '138-1234-5678']]],
    ['mobile with spaces', '王五 138 1234 5678', [['mobile', '138 1234 5678']]],
    ['mobile then Chinese', '13912345678号码', [['mobile', '13912345678']]],
    ['bank card', `开户账号：${CARD}`, [['bank-card', CARD]]],
    ['bank card in groups of 4', `卡号 ${CARD.slice(0, 4)} ${CARD.slice(4, 8)} ${CARD.slice(8, 12)} ${CARD.slice(12, 16)} ${CARD.slice(16)}`, [['bank-card', `${CARD.slice(0, 4)} ${CARD.slice(4, 8)} ${CARD.slice(8, 12)} ${CARD.slice(12, 16)} ${CARD.slice(16)}`]]],
    ['several in one row', `${ID}，13812345678`, [['id-number', ID], ['mobile', '13812345678']]],
  ])('finds %s', (_name, text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it.each([
    ['masked ID', '110105********1234'],
    ['masked ID with few stars', '110***1234'],
    ['masked mobile', '138****5678'],
    ['mobile inside a longer run', '订单号 2013812345678901'],
    ['mobile after letters', 'No.A13812345678'],
    ['landline', '0571-87654321'],
    ['service hotline', '咨询电话：13812345678'],
    ['report hotline', '举报电话 13912345678'],
    ['contact person', '联系人：张三 13912345678'],
    ['ID with a bad checksum', '440306198511123510'],
    ['date-like digits', '20240101'],
    ['索引号 that passes Luhn', `索引号：${withLuhn('622202123456789012')}`],
    ['统一社会信用代码', '91110000MA01ABCD3X'],
    ['19-digit run not a card', withLuhn('123456789012345678')],
  ])('ignores %s', (_name, text) => {
    expect(findPersonalData(text, NOW)).toEqual([]);
  });
});
