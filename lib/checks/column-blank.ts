/**
 * column-blank: a column with no item (“暂无信息”, “暂无数据”, an empty list) — 空白栏目, five of which are a
 * single veto (SV-W4 iii). Site-level: built from `ColumnAssessment`s and the veto counters.
 * Fixture: tests/fixtures/site blank column pages.
 */
import type { ColumnAssessment, VetoCounters } from '../site/column-freshness';
import type { CheckResult } from './types';

/** One finding per blank column. */
export function columnBlankFindings(columns: readonly ColumnAssessment[]): CheckResult[] {
  return columns
    .filter((c) => c.state === 'blank')
    .map((c) => ({
      check: 'column-blank' as const,
      severity: 'major' as const,
      subject: c.name,
      message:
        c.blankReason && c.blankReason !== 'no-items'
          ? `空白栏目：栏目“${c.name}”显示“${c.blankReason}”，没有任何信息`
          : `空白栏目：栏目“${c.name}”的列表为空，没有任何信息`,
      excerpt: c.blankReason && c.blankReason !== 'no-items' ? c.blankReason : '',
      target: c.url,
      detail: { kind: 'blank', column: { name: c.name, url: c.url, level: c.level ?? null }, reason: c.blankReason ?? null },
    }));
}

/** The veto-level finding when blank columns reach the threshold (5 in the national profile). */
export function blankVetoFinding(counters: VetoCounters): CheckResult | undefined {
  if (!counters.reached.blank) return undefined;
  return {
    check: 'column-blank',
    severity: 'veto',
    subject: '空白栏目数量',
    message: `空白栏目共${counters.blank}个（达到${counters.thresholds.blank}个即单项否决）`,
    excerpt: '',
    detail: { kind: 'veto', counter: 'blank', count: counters.blank, threshold: counters.thresholds.blank },
  };
}
