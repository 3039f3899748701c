import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../lib/checks/types';
import {
  acceptProposal,
  checklistProgress,
  createChecklist,
  proposeStatuses,
  setItemStatus,
  syncChecklist,
} from '../../../lib/inspection/checklist';
import { getProfile } from '../../../lib/inspection/profile';
import type { ChecklistProfile } from '../../../lib/inspection/profile';
import { makeFinding } from './make-finding';

const profile = getProfile('national-2019') as ChecklistProfile;

describe('createChecklist', () => {
  it('has one unchecked entry per veto and deduction item, no bonus', () => {
    const list = createChecklist(profile);
    expect(list.length).toBe(profile.items.length - 1);
    expect(list.every((e) => e.status === 'unchecked' && e.note === '' && e.findingIds.length === 0)).toBe(true);
    expect(list.map((e) => e.id)).not.toContain('BONUS');
    expect(list[0]).toEqual({ id: 'SV-W1', title: '安全、泄密事故等严重问题', status: 'unchecked', note: '', findingIds: [], evidenceIds: [] });
  });

  it('can leave out the new-media section', () => {
    const ids = createChecklist(profile, { sections: ['website'] }).map((e) => e.id);
    expect(ids).not.toContain('SV-M1');
    expect(ids).toContain('SV-W1');
  });

  it('syncChecklist keeps the inspector’s work, adds new profile items and keeps retired ones', () => {
    const stored = setItemStatus(createChecklist(profile).filter((e) => e.id !== 'D-GN6'), 'SV-W2', 'pass', '监测正常');
    stored.push({ id: 'OLD-1', title: '旧指标', status: 'fail', note: '', findingIds: [], evidenceIds: [] });
    const synced = syncChecklist(profile, stored);
    expect(synced.find((e) => e.id === 'SV-W2')).toMatchObject({ status: 'pass', note: '监测正常' });
    expect(synced.find((e) => e.id === 'D-GN6')?.status).toBe('unchecked');
    expect(synced.at(-1)?.id).toBe('OLD-1');
  });
});

type Case = { name: string; findings: Partial<Finding>[]; item: string; level: 'fail' | 'review' | null; reason?: RegExp };

const five = (f: Partial<Finding>) => Array.from({ length: 5 }, () => ({ ...f }));
const blank = { check: 'column-blank' as const, status: 'confirmed' as const, detail: { kind: 'blank' } };
const staleColumn = (category: string) => ({ check: 'column-stale' as const, status: 'confirmed' as const, detail: { kind: 'stale', category } });

describe('proposeStatuses', () => {
  const cases: Case[] = [
    { name: 'a confirmed veto expression → SV-W1 fail', findings: [{ check: 'expression', severity: 'veto', status: 'confirmed' }], item: 'SV-W1', level: 'fail', reason: /已确认严重表述错误1处/ },
    { name: 'a confirmed major expression → nothing for SV-W1', findings: [{ check: 'expression', severity: 'major', status: 'confirmed' }], item: 'SV-W1', level: null },
    { name: 'an open veto expression → review only', findings: [{ check: 'expression', severity: 'veto', status: 'open' }], item: 'SV-W1', level: 'review', reason: /1条严重表述错误待复核/ },
    { name: 'a false positive counts for nothing', findings: [{ check: 'hidden-link', status: 'false-positive' }], item: 'SV-W1', level: null },
    { name: 'a confirmed hidden link → SV-W1 fail', findings: [{ check: 'hidden-link', status: 'confirmed' }], item: 'SV-W1', level: 'fail', reason: /网站暗链/ },
    { name: 'five confirmed blank columns → SV-W4 fail', findings: five(blank), item: 'SV-W4', level: 'fail', reason: /^已确认空白栏目5个（标准：≥5个）$/ },
    { name: 'four blank columns → SV-W4 review', findings: five(blank).slice(1), item: 'SV-W4', level: 'review', reason: /未达到5个的标准/ },
    { name: 'the confirmed blank-column counter → SV-W4 fail', findings: [{ check: 'column-blank', severity: 'veto', status: 'confirmed', detail: { kind: 'veto', count: 6 } }], item: 'SV-W4', level: 'fail' },
    { name: 'the confirmed stale-column counter → SV-W4 fail', findings: [{ check: 'column-stale', severity: 'veto', status: 'confirmed', detail: { kind: 'veto', count: 10 } }], item: 'SV-W4', level: 'fail', reason: /未更新栏目数达到否决标准/ },
    { name: 'blank columns without detail do not count', findings: five({ check: 'column-blank', status: 'confirmed' }), item: 'SV-W4', level: null },
    { name: 'stale home page → SV-W3 fail', findings: [{ check: 'column-stale', severity: 'veto', status: 'confirmed', detail: { kind: 'home-stale' } }], item: 'SV-W3', level: 'fail', reason: /首页超过2周未更新/ },
    { name: 'undated home page → SV-W3 review', findings: [{ check: 'column-stale', severity: 'info', status: 'confirmed', detail: { kind: 'home-undated' } }], item: 'SV-W3', level: 'review' },
    { name: 'a stale column is not the home page', findings: [staleColumn('dynamic')], item: 'SV-W3', level: null },
    { name: 'a stale 动态 column → D-FB2 fail', findings: [staleColumn('dynamic')], item: 'D-FB2', level: 'fail' },
    { name: 'a stale 政策文件 column → D-FB3 fail', findings: [staleColumn('notice-policy')], item: 'D-FB3', level: 'fail', reason: /政策文件、通知公告类栏目未更新1个/ },
    { name: 'a stale 政策文件 column is not D-FB2', findings: [staleColumn('notice-policy')], item: 'D-FB2', level: null },
    { name: 'a stale 人事 column → D-FB4 fail', findings: [staleColumn('personnel-plan')], item: 'D-FB4', level: 'fail' },
    { name: 'confirmed dead links → D-GN2 fail', findings: [{ check: 'link', status: 'confirmed' }, { check: 'link', status: 'confirmed' }], item: 'D-GN2', level: 'fail', reason: /错链断链2个/ },
    { name: 'a dead attachment → D-BS2 review', findings: [{ check: 'link', status: 'confirmed', target: 'http://www.example.gov.cn/a/form.docx' }], item: 'D-BS2', level: 'review', reason: /请人工判断/ },
    { name: 'identity → D-GN3', findings: [{ check: 'identity', status: 'confirmed', subject: 'icp-missing', message: '页面底部未标注ICP备案编号' }], item: 'D-GN3', level: 'fail' },
    { name: '找错 entry → D-GN4, not D-GN3', findings: [{ check: 'identity', status: 'confirmed', subject: 'jiucuo-missing', message: '首页未设置“我为政府网站找错”入口' }], item: 'D-GN3', level: null },
    { name: '找错 entry → D-GN4', findings: [{ check: 'identity', status: 'confirmed', subject: 'jiucuo-outdated' }], item: 'D-GN4', level: 'fail' },
    { name: 'interpretation → D-FB5', findings: [{ check: 'interpretation', status: 'confirmed' }], item: 'D-FB5', level: 'fail', reason: /政策文件与解读未相互关联1处/ },
    { name: 'a date anomaly only asks for review', findings: [{ check: 'date-anomaly', status: 'confirmed' }], item: 'SV-W1', level: 'review' },
  ];

  it.each(cases)('$name', ({ findings, item, level, reason }) => {
    const made = findings.map((f) => makeFinding(f));
    const proposal = proposeStatuses(profile, made).find((p) => p.itemId === item);
    if (level === null) {
      expect(proposal).toBeUndefined();
      return;
    }
    expect(proposal?.level).toBe(level);
    if (reason) expect(proposal?.reason).toMatch(reason);
  });

  it('lists confirmed findings as evidence and open ones as pending', () => {
    const confirmed = makeFinding({ check: 'link', status: 'confirmed' });
    const open = makeFinding({ check: 'link', status: 'open' });
    const [proposal] = proposeStatuses(profile, [confirmed, open]).filter((p) => p.itemId === 'D-GN2');
    expect(proposal?.findingIds).toEqual([confirmed.id]);
    expect(proposal?.pendingFindingIds).toEqual([open.id]);
    expect(proposal?.reason).toBe('已确认错链断链1个，另有1条错链断链待复核');
  });

  it('proposes nothing without findings', () => {
    expect(proposeStatuses(profile, [])).toEqual([]);
  });
});

describe('accepting proposals', () => {
  const veto = makeFinding({ check: 'expression', severity: 'veto', status: 'confirmed' });
  const proposals = proposeStatuses(profile, [veto]);
  const proposal = proposals.find((p) => p.itemId === 'SV-W1');

  it('sets an unchecked item to fail with the reason and links the finding', () => {
    const list = acceptProposal(createChecklist(profile), proposal!);
    expect(list.find((e) => e.id === 'SV-W1')).toMatchObject({ status: 'fail', note: proposal!.reason, findingIds: [veto.id] });
  });

  it('never overwrites the inspector’s status or note, but still links the finding', () => {
    const mine = setItemStatus(createChecklist(profile), 'SV-W1', 'pass', '已核实为引用原文');
    const list = acceptProposal(mine, proposal!);
    expect(list.find((e) => e.id === 'SV-W1')).toMatchObject({ status: 'pass', note: '已核实为引用原文', findingIds: [veto.id] });
  });

  it('replaces the inspector’s status only when forced', () => {
    const mine = setItemStatus(createChecklist(profile), 'SV-W1', 'pass', '原备注');
    const list = acceptProposal(mine, proposal!, { force: true });
    expect(list.find((e) => e.id === 'SV-W1')).toMatchObject({ status: 'fail', note: '原备注' });
  });

  it('a review proposal links findings but sets nothing', () => {
    const open = makeFinding({ check: 'hidden-link', status: 'open' });
    const review = proposeStatuses(profile, [open]).find((p) => p.itemId === 'SV-W1')!;
    expect(review.level).toBe('review');
    const list = acceptProposal(createChecklist(profile), review);
    expect(list.find((e) => e.id === 'SV-W1')?.status).toBe('unchecked');
  });
});

describe('editing and progress', () => {
  it('setItemStatus refuses an unknown item', () => {
    expect(() => setItemStatus(createChecklist(profile), 'NOPE', 'pass')).toThrow(/NOPE/);
  });

  it('counts progress', () => {
    let list = createChecklist(profile, { sections: ['website'] });
    list = setItemStatus(list, 'SV-W1', 'pass');
    list = setItemStatus(list, 'SV-W2', 'fail');
    list = setItemStatus(list, 'D-GN5', 'not-applicable');
    expect(checklistProgress(list)).toEqual({ total: list.length, checked: 3, pass: 1, fail: 1, notApplicable: 1, unchecked: list.length - 3 });
  });
});
