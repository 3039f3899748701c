import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../lib/checks/types';
import { createChecklist, setItemStatus } from '../../../lib/inspection/checklist';
import { getProfile } from '../../../lib/inspection/profile';
import type { ChecklistProfile } from '../../../lib/inspection/profile';
import { draftProblemPhrases, draftProblemsText } from '../../../lib/inspection/problems-text';
import { makeFinding } from './make-finding';

const profile = getProfile('national-2019') as ChecklistProfile;
const empty = createChecklist(profile);
const confirmed = (f: Partial<Finding>) => makeFinding({ status: 'confirmed', ...f });

describe('draftProblemsText', () => {
  it.each<[string, Partial<Finding>[], string]>([
    ['nothing found', [], ''],
    [
      'a serious wording error with its correct form',
      [{ check: 'expression', severity: 'veto', subject: '党史教育', expected: '党史学习教育' }],
      '存在严重表述错误1处（“党史教育”应为“党史学习教育”）',
    ],
    [
      'examples: most frequent first, at most two, then 等',
      [
        { check: 'typo', severity: 'minor', subject: 'B', expected: 'b' },
        { check: 'typo', severity: 'minor', subject: 'A', expected: 'a' },
        { check: 'typo', severity: 'minor', subject: 'C', expected: 'c' },
        { check: 'typo', severity: 'minor', subject: 'C', expected: 'c' },
      ],
      '存在错别字4处（“C”应为“c”、“A”应为“a”等）',
    ],
    ['dead links', [{ check: 'link' }, { check: 'link' }, { check: 'link' }], '错链断链3个'],
    ['home page stale', [{ check: 'column-stale', severity: 'veto', subject: '首页不更新', detail: { kind: 'home-stale' } }], '首页长期未更新'],
    [
      'six blank columns',
      Array.from({ length: 6 }, (_, i) => ({ check: 'column-blank' as const, subject: `栏目${i}`, detail: { kind: 'blank' } })),
      '空白栏目数超过5个（“栏目0”、“栏目1”等）',
    ],
    ['two blank columns', [{ check: 'column-blank', subject: '专题' }, { check: 'column-blank', subject: '公示' }], '存在空白栏目2个（“专题”、“公示”）'],
    [
      'the blank counter alone gives the count, not an example',
      [{ check: 'column-blank', severity: 'veto', subject: '空白栏目数量', detail: { kind: 'veto', count: 7 } }],
      '空白栏目数超过5个',
    ],
    [
      'stale columns and the stale counter: the larger count wins',
      [
        { check: 'column-stale', subject: '通知公告', detail: { kind: 'stale' } },
        { check: 'column-stale', severity: 'veto', subject: '栏目不更新（全部栏目）', detail: { kind: 'veto', count: 11 } },
      ],
      '11个栏目长期未更新（“通知公告”）',
    ],
    ['hidden links', [{ check: 'hidden-link' }], '存在网站暗链1处'],
    ['interpretation', [{ check: 'interpretation' }], '政策文件与解读未相互关联1处'],
    [
      'identity fields named as the 通报 names them',
      [{ check: 'identity', subject: 'site-code-missing' }, { check: 'identity', subject: 'icp-missing' }, { check: 'identity', subject: 'icp-unlinked' }],
      '网页底部标识信息不规范（“ICP备案编号”、“网站标识码”）',
    ],
  ])('%s', (_name, findings, expected) => {
    expect(draftProblemsText(profile, empty, findings.map(confirmed))).toBe(expected);
  });

  it('writes the brief’s example in 通报 order: veto-level first, deductions after', () => {
    const findings = [
      confirmed({ check: 'link' }),
      confirmed({ check: 'link' }),
      confirmed({ check: 'link' }),
      ...Array.from({ length: 6 }, (_, i) => confirmed({ check: 'column-blank', subject: `栏目${i}`, detail: { kind: 'blank' } })),
      confirmed({ check: 'column-stale', severity: 'veto', subject: '首页不更新', detail: { kind: 'home-stale' } }),
      confirmed({ check: 'expression', severity: 'veto', subject: '党史教育', expected: '党史学习教育' }),
    ];
    expect(draftProblemsText(profile, empty, findings, { maxExamples: 0 })).toBe(
      '存在严重表述错误1处；首页长期未更新；空白栏目数超过5个；错链断链3个',
    );
  });

  it('only confirmed findings count', () => {
    const findings = (['open', 'false-positive', 'not-applicable', 'fixed'] as const).map((status) => makeFinding({ check: 'link', status }));
    expect(draftProblemsText(profile, empty, findings)).toBe('');
  });

  it('adds failed checklist items no finding explains, and skips those a finding already names', () => {
    let list = setItemStatus(empty, 'SV-W5', 'fail');
    list = setItemStatus(list, 'D-GN2', 'fail');
    list = setItemStatus(list, 'D-GN1', 'fail');
    const phrases = draftProblemPhrases(profile, list, [confirmed({ check: 'link' })]);
    expect(phrases).toEqual(['互动回应差', '错链断链1个', '未实现全站搜索或搜索结果未分类展现']);
  });

  it('is deterministic whatever the order of the findings', () => {
    const findings = [
      confirmed({ check: 'typo', subject: '甲', expected: '乙' }),
      confirmed({ check: 'typo', subject: '丙', expected: '丁' }),
      confirmed({ check: 'link' }),
    ];
    const a = draftProblemsText(profile, empty, findings);
    const b = draftProblemsText(profile, empty, [...findings].reverse());
    expect(a).toBe(b);
  });
});
