import { describe, expect, it } from 'vitest';
import { freshDatabases } from '../../support/fresh-db';
import type { CheckResult } from '@/lib/checks/types';
import { findingsForPage, savePageResults, setFindingStatus } from '@/lib/db/findings-store';

const freshDb = freshDatabases('findings');

const PAGE = 'http://127.0.0.1/xwzx/1.html#top';
const ctx = (now: string, quarter = '2026Q4') => ({ pageUrl: PAGE, pageTitle: '新闻', siteKey: 'site-1', quarter, now });
const result = (subject: string, extra: Partial<CheckResult> = {}): CheckResult => ({
  check: 'expression', severity: 'veto', subject, message: `错误：${subject}`, excerpt: subject, ...extra,
});

describe('findings store', () => {
  it('updates a finding on a re-check instead of adding a copy, keeping when it was first seen', async () => {
    const db = freshDb();
    await savePageResults(db, [result('以习近平为核心')], ['expression'], ctx('2026-11-01T00:00:00Z'));
    const second = await savePageResults(db, [result('以习近平为核心')], ['expression'], ctx('2026-11-02T00:00:00Z'));
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({ firstSeen: '2026-11-01T00:00:00Z', lastSeen: '2026-11-02T00:00:00Z', pageUrl: 'http://127.0.0.1/xwzx/1.html' });
  });

  it('merges repeats of one problem on a page into one finding with every location', async () => {
    const db = freshDb();
    const loc = (start: number) => ({ location: { kind: 'text' as const, block: 0, start, end: start + 2 } });
    const saved = await savePageResults(db, [result('扶贪', loc(1)), result('扶贪', loc(9))], ['expression'], ctx('2026-11-01T00:00:00Z'));
    expect(saved).toHaveLength(1);
    expect(saved[0]?.detail?.locations).toHaveLength(2);
  });

  it('drops undecided findings that are gone, keeps decided ones, leaves other checks alone', async () => {
    const db = freshDb();
    const first = await savePageResults(db, [result('a'), result('b'), result('c', { check: 'typo' })], ['expression', 'typo'], ctx('2026-11-01T00:00:00Z'));
    const b = first.find((f) => f.subject === 'b');
    await setFindingStatus(db, b!.id, 'confirmed', '截图已留存', '2026-11-01T01:00:00Z');
    const after = await savePageResults(db, [], ['expression'], ctx('2026-11-02T00:00:00Z'));
    expect(after.map((f) => f.subject).sort()).toEqual(['b', 'c']);
  });

  it('remembers a 误报 for the site across quarters, and flags a fixed problem that comes back', async () => {
    const db = freshDb();
    const [a, b] = await savePageResults(db, [result('a'), result('b')], ['expression'], ctx('2026-11-01T00:00:00Z'));
    await setFindingStatus(db, a!.id, 'false-positive', '引用原文', '2026-11-01T01:00:00Z');
    await setFindingStatus(db, b!.id, 'fixed', '', '2026-11-01T01:00:00Z');
    const next = await savePageResults(db, [result('a'), result('b')], ['expression'], ctx('2027-01-05T00:00:00Z', '2027Q1'));
    expect(next.find((f) => f.subject === 'a')).toMatchObject({ status: 'false-positive', note: '引用原文', quarter: '2027Q1' });
    expect(next.find((f) => f.subject === 'b')).toMatchObject({ status: 'open', recurring: true });
    expect(await findingsForPage(db, '2026Q4', PAGE)).toHaveLength(2);
  });
});
