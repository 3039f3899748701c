import { describe, expect, it } from 'vitest';
import type { ChecklistEntry, ChecklistStatus } from '../../../lib/db/records';
import { createChecklist, setItemStatus } from '../../../lib/inspection/checklist';
import { getProfile } from '../../../lib/inspection/profile';
import type { ChecklistProfile } from '../../../lib/inspection/profile';
import { applyOverride, scoreChecklist } from '../../../lib/inspection/scoring';

const national = getProfile('national-2019') as ChecklistProfile;

/** A website checklist where every item passes except the ones given. */
function checked(profile: ChecklistProfile, statuses: Record<string, ChecklistStatus> = {}) {
  let list = createChecklist(profile, { sections: ['website'] });
  for (const entry of list) list = setItemStatus(list, entry.id, statuses[entry.id] ?? 'pass');
  return list;
}

/** A copy of the profile with the given items' points set and marked known. */
function withPoints(profile: ChecklistProfile, changes: Record<string, { points: number; maxDeduction?: number }>): ChecklistProfile {
  const items = profile.items.map((item) => {
    const change = changes[item.id];
    return change ? { ...item, points: change.points, pointsKnown: true, maxDeduction: change.maxDeduction ?? item.maxDeduction } : item;
  });
  return { ...profile, items };
}

/** The checklist with the given findings linked to one item. */
function linkFindings(list: readonly ChecklistEntry[], id: string, findingIds: string[]): ChecklistEntry[] {
  return list.map((entry) => (entry.id === id ? { ...entry, findingIds: [...entry.findingIds, ...findingIds] } : entry));
}

// A profile with every deduction item worth 10 points, for arithmetic cases.
const tens = withPoints(
  national,
  Object.fromEntries(national.items.filter((i) => i.kind === 'deduction').map((i) => [i.id, { points: 10 }])),
);

describe('verdict by the rules', () => {
  it.each<[string, ChecklistProfile, Record<string, ChecklistStatus>, string, number | null]>([
    ['all pass → 合格 100', tens, {}, '合格', 100],
    ['a failed veto → 单项否决, no score', tens, { 'SV-W4': 'fail', 'D-FB1': 'fail' }, '单项否决', null],
    ['four failed items → 60 → 合格 (60 is not below 60)', tens, { 'D-FB1': 'fail', 'D-FB2': 'fail', 'D-FB3': 'fail', 'D-FB4': 'fail' }, '合格', 60],
    ['five failed items → 50 → 不合格', tens, { 'D-FB1': 'fail', 'D-FB2': 'fail', 'D-FB3': 'fail', 'D-FB4': 'fail', 'D-FB5': 'fail' }, '不合格', 50],
    ['not applicable items deduct nothing', tens, { 'D-FB1': 'not-applicable' }, '合格', 100],
    ['national points: D-FB3 and D-HD1 → 92', national, { 'D-FB3': 'fail', 'D-HD1': 'fail' }, '合格', 92],
  ])('%s', (_name, profile, statuses, verdict, total) => {
    const result = scoreChecklist(profile, checked(profile, statuses));
    expect(result.verdict).toBe(verdict);
    expect(result.total).toBe(total);
  });

  it('a failed new-media item does not sink the website, it fails the new media', () => {
    let list = createChecklist(national);
    for (const e of list) list = setItemStatus(list, e.id, e.id === 'SV-M2' ? 'fail' : 'pass');
    const result = scoreChecklist(national, list);
    expect(result.verdict).toBe('合格');
    expect(result.newMedia).toEqual({ failed: ['SV-M2'], verdict: '不合格' });
  });

  it('a vetoed site can be recorded with a local score (e.g. 59)', () => {
    const result = scoreChecklist(national, checked(national, { 'SV-W1': 'fail' }), { vetoScore: 59 });
    expect(result).toMatchObject({ verdict: '单项否决', total: 59, deductionScore: null, vetoFailed: ['SV-W1'] });
  });
});

describe('caps', () => {
  it('deducts per linked finding, capped at the item maximum', () => {
    const profile = withPoints(national, { 'D-GN2': { points: 1, maxDeduction: 5 } });
    let list = checked(profile, { 'D-GN2': 'fail' });
    list = linkFindings(list, 'D-GN2', ['a', 'b', 'c']);
    expect(scoreChecklist(profile, list).deductions).toEqual([
      { id: 'D-GN2', title: '网站可用性（链接）', category: '功能设计', count: 3, points: 1, deducted: 3, capped: false },
    ]);
    list = linkFindings(list, 'D-GN2', ['d', 'e', 'f', 'g']);
    const capped = scoreChecklist(profile, list);
    expect(capped.deductions[0]).toMatchObject({ count: 7, deducted: 5, capped: true });
    expect(capped.total).toBe(95);
  });

  it('an item without a maximum is capped at its points; occurrences can be given', () => {
    const result = scoreChecklist(national, checked(national, { 'D-FB3': 'fail' }), { occurrences: { 'D-FB3': 3 } });
    expect(result.deductions[0]).toMatchObject({ count: 3, deducted: 5, capped: true });
  });

  it('caps a category with known points (办事服务 = 25)', () => {
    const profile = withPoints(national, { 'D-BS1': { points: 20 }, 'D-BS2': { points: 20 } });
    const result = scoreChecklist(profile, checked(profile, { 'D-BS1': 'fail', 'D-BS2': 'fail', 'D-BS3': 'fail' }));
    expect(result.deductions.map((d) => d.deducted)).toEqual([20, 5, 0]);
    expect(result.deductionScore).toBe(75);
  });

  it('never goes below zero', () => {
    const profile = withPoints(national, { 'D-FB1': { points: 80 }, 'D-FB2': { points: 80 } });
    expect(scoreChecklist(profile, checked(profile, { 'D-FB1': 'fail', 'D-FB2': 'fail' })).deductionScore).toBe(0);
  });
});

describe('unknown point values', () => {
  it('lists failed items without points, counts them as not scored and keeps the verdict provisional', () => {
    const result = scoreChecklist(national, checked(national, { 'D-GN2': 'fail', 'D-FB3': 'fail' }));
    expect(result.unscored.map((u) => u.id)).toEqual(['D-GN2']);
    expect(result.unscored[0]?.reason).toMatch(/分值未核实/);
    expect(result.deductionScore).toBe(95);
    expect(result.provisional).toBe(true);
    expect(result.explanation.join('\n')).toMatch(/分值未知，未计入得分.*网站可用性/);
  });

  it('a score already below 60 is decisive even with unknown items', () => {
    const profile = withPoints(national, { 'D-FB1': { points: 45 } });
    const result = scoreChecklist(profile, checked(profile, { 'D-FB1': 'fail', 'D-GN2': 'fail' }));
    expect(result).toMatchObject({ verdict: '不合格', provisional: false, deductionScore: 55 });
  });
});

describe('unchecked items', () => {
  it('gives no verdict while nothing is checked', () => {
    const result = scoreChecklist(national, createChecklist(national));
    expect(result.verdict).toBe('');
    expect(result.unchecked.length).toBeGreaterThan(20);
  });

  it('a failed veto decides even when the rest is unchecked', () => {
    const list = setItemStatus(createChecklist(national), 'SV-W3', 'fail');
    expect(scoreChecklist(national, list)).toMatchObject({ verdict: '单项否决', provisional: false });
  });

  it('a partial pass is provisional', () => {
    const list = setItemStatus(createChecklist(national), 'SV-W1', 'pass');
    expect(scoreChecklist(national, list)).toMatchObject({ verdict: '合格', provisional: true });
  });
});

describe('bonus', () => {
  const eightyOne = withPoints(tens, { 'D-FB1': { points: 19 } });
  it.each<[string, ChecklistProfile, Record<string, ChecklistStatus>, boolean, number | undefined, boolean, number | null]>([
    ['portal above 80 with bonus points', eightyOne, { 'D-FB1': 'fail' }, true, 12, true, 93],
    ['portal at exactly 80 gets no bonus', tens, { 'D-FB1': 'fail', 'D-FB2': 'fail' }, true, 12, false, 80],
    ['a department site gets no bonus', eightyOne, { 'D-FB1': 'fail' }, false, 12, false, 81],
    ['bonus is capped at 30', tens, {}, true, 45, true, 130],
    ['bonus not yet entered', tens, {}, true, undefined, true, 100],
  ])('%s', (_name, profile, statuses, isPortal, bonusPoints, applies, total) => {
    const result = scoreChecklist(profile, checked(profile, statuses), { isPortal, ...(bonusPoints === undefined ? {} : { bonusPoints }) });
    expect(result.bonus.applies).toBe(applies);
    expect(result.total).toBe(total);
  });

  it('says the bonus table is unverified when points are missing', () => {
    const result = scoreChecklist(tens, checked(tens), { isPortal: true });
    expect(result.bonus).toEqual({ applies: true, points: null, reason: '加分指标内容与分值未核实，需检查人填写加分' });
  });
});

describe('override', () => {
  it('keeps the computed verdict next to the override and its reason', () => {
    const result = scoreChecklist(national, checked(national, { 'SV-W1': 'fail' }), {
      override: { verdict: '合格', reason: '经复核，所谓错误为引用原文' },
    });
    expect(result).toMatchObject({ verdict: '合格', computedVerdict: '单项否决', overridden: true, overrideReason: '经复核，所谓错误为引用原文' });
    expect(result.explanation.at(-1)).toBe('检查人改判为“合格”：经复核，所谓错误为引用原文');
  });

  it.each([
    [{ verdict: '合格' as const, reason: '  ' }, /须填写理由/],
    [{ verdict: '' as const, reason: '理由' }, /不能为空/],
  ])('refuses %j', (override, message) => {
    const base = scoreChecklist(national, checked(national));
    expect(() => applyOverride(base, override)).toThrow(message);
  });
});
