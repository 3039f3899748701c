import { describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../../lib/checks/types';
import {
  BUILT_IN_PROFILES,
  DEFAULT_PROFILE_ID,
  getItem,
  getProfile,
  parseProfile,
  validateProfile,
} from '../../../lib/inspection/profile';
import type { ChecklistProfile } from '../../../lib/inspection/profile';
import raw from '../../../lib/inspection/profiles/national-2019.json';

const profile = getProfile(DEFAULT_PROFILE_ID) as ChecklistProfile;

describe('national-2019 profile', () => {
  it('is shipped and valid', () => {
    expect(profile.id).toBe('national-2019');
    expect(validateProfile(raw)).toEqual([]);
    expect(Object.keys(BUILT_IN_PROFILES)).toContain('national-2019');
  });

  it('has the six website veto items, the three new-media items and deduction items of all four categories', () => {
    const ids = (kind: string, section = 'website') =>
      profile.items.filter((i) => i.kind === kind && i.section === section).map((i) => i.id);
    expect(ids('veto')).toEqual(['SV-W1', 'SV-W2', 'SV-W3', 'SV-W4', 'SV-W5', 'SV-W6']);
    expect(ids('veto', 'new-media')).toEqual(['SV-M1', 'SV-M2', 'SV-M3']);
    const categories = new Set(profile.items.filter((i) => i.kind === 'deduction').map((i) => i.category));
    expect([...categories].sort()).toEqual(['互动交流', '功能设计', '发布解读', '办事服务'].sort());
    for (const prefix of ['D-FB', 'D-BS', 'D-HD', 'D-GN']) {
      expect(profile.items.some((i) => i.id.startsWith(prefix))).toBe(true);
    }
  });

  it.each([
    ['D-FB3', 5],
    ['D-BS3', 2],
    ['D-HD1', 3],
  ])('%s carries the %i points a source states', (id, points) => {
    expect(getItem(profile, id)).toMatchObject({ points, pointsKnown: true });
  });

  it('marks every other deduction item and the bonus part unknown, with null points', () => {
    const unknown = profile.items.filter((i) => i.kind !== 'veto' && !['D-FB3', 'D-BS3', 'D-HD1'].includes(i.id));
    expect(unknown.length).toBeGreaterThan(10);
    for (const item of unknown) expect(item).toMatchObject({ points: null, pointsKnown: false });
    expect(profile.scoring.bonusKnown).toBe(false);
    expect(getItem(profile, 'BONUS')?.kind).toBe('bonus');
  });

  it.each([
    ['SV-W1', ['expression', 'typo', 'hidden-link', 'spam', 'date-anomaly']],
    ['SV-W3', ['column-stale']],
    ['D-FB3', ['column-stale']],
    ['SV-W4', ['column-blank', 'column-stale']],
    ['D-GN2', ['link']],
    ['D-GN3', ['identity']],
    ['D-FB5', ['interpretation']],
  ])('%s is fed by %j', (id, checks) => {
    expect([...new Set(getItem(profile, id)?.feeds.map((f) => f.check))]).toEqual(checks);
  });

  it('every feed names a known check, and SV-W1 takes only veto-level expression findings', () => {
    for (const item of profile.items) for (const feed of item.feeds) expect(CHECK_IDS).toContain(feed.check);
    expect(getItem(profile, 'SV-W1')?.feeds[0]?.severities).toEqual(['veto']);
  });

  it('gives each item a Chinese title, a confidence and a source', () => {
    for (const item of profile.items) {
      expect(item.title).toMatch(/[\u4e00-\u9fff]/);
      expect(['A', 'B', 'C', '?']).toContain(item.confidence);
      expect(item.source).not.toBe('');
    }
  });
});

describe('validateProfile', () => {
  const base = () => structuredClone(raw) as unknown as ChecklistProfile;
  const mutate = (change: (p: ChecklistProfile) => void) => {
    const p = base();
    change(p);
    return validateProfile(p);
  };

  it.each<[string, (p: ChecklistProfile) => void, RegExp]>([
    ['duplicate id', (p) => { p.items[1]!.id = p.items[0]!.id; }, /id 重复/],
    ['veto with points', (p) => { p.items[0]!.points = 3; }, /单项否决项不应有分值/],
    ['unknown points that are a number', (p) => { getItem(p, 'D-FB1')!.points = 2; }, /分值未知时 points 应为 null/],
    ['known points missing', (p) => { getItem(p, 'D-FB3')!.points = null; }, /分值已知却为 null/],
    ['unknown check', (p) => { getItem(p, 'D-GN2')!.feeds[0]!.check = 'nope' as never; }, /未知检查 nope/],
    ['bad regex', (p) => { getItem(p, 'D-GN4')!.feeds[0]!.pattern = '('; }, /不是有效的正则表达式/],
    ['bad detail filter', (p) => { getItem(p, 'SV-W3')!.feeds[0]!.detail = { kind: 'home-stale' } as never; }, /detail 应为/],
    ['bad kind', (p) => { p.items[0]!.kind = 'other' as never; }, /kind 无效/],
    ['no scoring', (p) => { delete (p as Partial<ChecklistProfile>).scoring; }, /缺少 scoring/],
  ])('reports %s', (_name, change, message) => {
    expect(mutate(change).join('\n')).toMatch(message);
  });

  it('rejects what is not a profile', () => {
    expect(validateProfile(null)).toEqual(['配置文件不是对象']);
    expect(validateProfile({ id: 'x', title: 'x', scoring: {}, items: [] }).join()).toMatch(/缺少 items/);
    expect(() => parseProfile({})).toThrow(/检查指标配置无效/);
  });
});
