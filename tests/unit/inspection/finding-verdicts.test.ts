import { describe, expect, it } from 'vitest';
import type { Finding, FindingStatus } from '../../../lib/checks/types';
import type { VerdictRecord } from '../../../lib/db/records';
import {
  countByStatus,
  isHidden,
  mergeCheckRun,
  mergeFinding,
  recordVerdict,
  setFindingStatus,
  verdictId,
} from '../../../lib/inspection/finding-verdicts';
import { makeFinding } from './make-finding';

const NOW = new Date('2026-11-02T08:00:00Z');

function remembered(finding: Finding, status: FindingStatus, note = ''): VerdictRecord {
  return recordVerdict(finding, status, status === 'not-applicable' && note === '' ? '说明' : note, NOW);
}

/** The same finding seen again in a later run (and, with `quarter`, a later quarter). */
function again(finding: Finding, quarter = finding.quarter): Finding {
  return { ...finding, quarter, id: `${quarter}|${finding.key}`, status: 'open', firstSeen: '2027-01-05T00:00:00.000Z', lastSeen: '2027-01-05T00:00:00.000Z' };
}

describe('recordVerdict', () => {
  it('builds the record with the documented id', () => {
    const f = makeFinding({ check: 'typo' });
    expect(recordVerdict(f, 'confirmed', ' 确认 ', NOW)).toEqual({
      id: `${f.siteKey}|${f.key}`,
      siteKey: f.siteKey,
      findingKey: f.key,
      check: 'typo',
      status: 'confirmed',
      note: '确认',
      updatedAt: '2026-11-02T08:00:00.000Z',
    });
    expect(verdictId('s', 'k')).toBe('s|k');
  });

  it('requires a note for 不适用', () => {
    expect(() => recordVerdict(makeFinding(), 'not-applicable', ' ', NOW)).toThrow(/须填写说明/);
  });
});

describe('mergeFinding across re-checks and quarters', () => {
  const base = makeFinding({ check: 'expression', firstSeen: '2026-10-10T00:00:00.000Z' });

  it.each<[string, FindingStatus | undefined, FindingStatus, boolean, boolean]>([
    // name, remembered status, expected status, hidden, recurring
    ['nothing remembered → open', undefined, 'open', false, false],
    ['误报 stays a hidden false positive', 'false-positive', 'false-positive', true, false],
    ['确认 carries over', 'confirmed', 'confirmed', false, false],
    ['不适用 carries over', 'not-applicable', 'not-applicable', false, false],
    ['已整改 that reappears is reopened and flagged', 'fixed', 'open', false, true],
  ])('%s (next quarter)', (_name, status, expected, hidden, recurring) => {
    const record = status ? remembered(base, status) : undefined;
    const merged = mergeFinding(again(base, '2027Q1'), undefined, record);
    expect(merged.status).toBe(expected);
    expect(isHidden(merged)).toBe(hidden);
    expect(merged.recurring === true).toBe(recurring);
    expect(merged.quarter).toBe('2027Q1');
  });

  it('within a quarter keeps firstSeen and the stored note, updates lastSeen', () => {
    const stored = { ...base, status: 'confirmed' as const, note: '首页第3条' };
    const merged = mergeFinding(again(base), stored);
    expect(merged).toMatchObject({ status: 'confirmed', note: '首页第3条', firstSeen: '2026-10-10T00:00:00.000Z', lastSeen: '2027-01-05T00:00:00.000Z' });
  });

  it('the remembered verdict wins over the stored finding and its note is kept', () => {
    const stored = { ...base, status: 'open' as const };
    const merged = mergeFinding(again(base), stored, remembered(base, 'not-applicable', '转载内容'));
    expect(merged).toMatchObject({ status: 'not-applicable', note: '转载内容' });
  });

  it('keeps the recurring flag on later re-checks of the same quarter', () => {
    const first = mergeFinding(again(base), undefined, remembered(base, 'fixed'));
    const confirmedLater = setFindingStatus(first, 'confirmed', '');
    expect(confirmedLater.recurring).toBeUndefined();
    const second = mergeFinding(again(base), { ...first }, remembered(base, 'fixed'));
    expect(second).toMatchObject({ status: 'open', recurring: true });
  });
});

describe('mergeCheckRun', () => {
  const fp = makeFinding({ pageUrl: 'http://www.example.gov.cn/a.html' });
  const fixed = makeFinding({ pageUrl: 'http://www.example.gov.cn/a.html' });
  const plain = makeFinding({ pageUrl: 'http://www.example.gov.cn/a.html' });
  const gone = { ...makeFinding({ pageUrl: 'http://www.example.gov.cn/a.html' }), status: 'confirmed' as const };
  const otherPage = { ...makeFinding({ pageUrl: 'http://www.example.gov.cn/b.html' }), status: 'confirmed' as const };
  const verdicts = [remembered(fp, 'false-positive'), remembered(fixed, 'fixed')];

  const result = mergeCheckRun([again(fp), again(fixed), again(plain)], [gone, otherPage], verdicts);

  it('stores everything but shows only what is not a false positive', () => {
    expect(result.findings).toHaveLength(3);
    expect(result.hidden.map((f) => f.key)).toEqual([fp.key]);
    expect(result.visible.map((f) => f.key)).toEqual([fixed.key, plain.key]);
  });

  it('reports newly recurring findings', () => {
    expect(result.recurring.map((f) => f.key)).toEqual([fixed.key]);
  });

  it('reports stored findings of re-checked pages that did not come back, not those of other pages', () => {
    expect(result.notSeenAgain.map((f) => f.key)).toEqual([gone.key]);
  });

  it('limits “not seen again” to the checks that ran', () => {
    const r = mergeCheckRun([], [gone], [], ['http://www.example.gov.cn/a.html'], ['typo']);
    expect(r.notSeenAgain).toEqual([]);
    const r2 = mergeCheckRun([], [gone], [], ['http://www.example.gov.cn/a.html'], ['link']);
    expect(r2.notSeenAgain).toHaveLength(1);
  });
});

describe('helpers', () => {
  it('setFindingStatus keeps the note unless a new one is given', () => {
    const f = { ...makeFinding(), note: '旧' };
    expect(setFindingStatus(f, 'confirmed', '').note).toBe('旧');
    expect(setFindingStatus(f, 'fixed', '已改').note).toBe('已改');
  });

  it('counts by status', () => {
    const list = (['open', 'open', 'confirmed', 'fixed'] as const).map((status) => makeFinding({ status }));
    expect(countByStatus(list)).toEqual({ open: 2, confirmed: 1, 'false-positive': 0, 'not-applicable': 0, fixed: 1 });
  });
});
