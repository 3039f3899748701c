import { describe, expect, it } from 'vitest';
import { createExpressionCheck } from '../../../lib/checks/expression';
import type { PageSnapshot, TextBlock } from '../../../lib/scan/snapshot-types';
import { emptySnapshot } from '../../../lib/scan/empty-snapshot';

function snapshot(blocks: Partial<TextBlock>[]): PageSnapshot {
  return emptySnapshot({
    url: 'https://www.example.gov.cn/a.html',
    title: '测试页面',
    hasLayout: true,
    blocks: blocks.map((b) => ({ text: '', source: 'page', tag: 'p', region: 'main', ...b })),
  });
}

const ctx = { now: new Date('2026-04-01') };
const check = createExpressionCheck();

describe('expression check', () => {
  it('reports a wrong form with its location in the original block text, expected form and excerpt', () => {
    const text = '会议强调，要坚持以习近平为核心的党中央的坚强领导，扎实推进各项工作。';
    const [r, ...rest] = check.run(snapshot([{ text: '标题' }, { text }]), ctx);
    expect(rest).toEqual([]);
    expect(r).toMatchObject({
      check: 'expression',
      severity: 'veto',
      subject: '以习近平为核心的党中央',
      expected: '以习近平同志为核心的党中央',
      message: '固定表述错误：“以习近平为核心的党中央”应为“以习近平同志为核心的党中央”',
      location: { kind: 'text', block: 1, start: 8, end: 19 },
    });
    expect(text.slice(8, 19)).toBe('以习近平为核心的党中央');
    expect(r!.excerpt).toContain('以习近平为核心的党中央');
    expect(r!.inferred).toBeUndefined();
  });

  it('marks inferred findings as major and says they were inferred', () => {
    const [r] = check.run(snapshot([{ text: '推进国家治理体系和治理能力现代华。' }]), ctx);
    expect(r).toMatchObject({ severity: 'major', inferred: true, expected: '推进国家治理体系和治理能力现代化' });
    expect(r!.message).toMatch(/^疑似固定表述错误（推断，同音字）/);
  });

  it('says when a form is outdated', () => {
    const [r] = check.run(snapshot([{ text: '原国家卫生计生委印发的文件' }]), ctx);
    expect(r!.message).toBe('表述已过时，自2018年3月起应为“国家卫生健康委员会”：“国家卫生计生委”（历史文稿可不改）');
  });

  it('skips hidden blocks and leaves typos to the typo check', () => {
    const results = check.run(snapshot([{ text: '扫黑险恶', hidden: ['display-none'] }, { text: '再接再励' }]), ctx);
    expect(results).toEqual([]);
  });

  it('finds the error on a Traditional page on the Traditional characters', () => {
    const text = '深入學習貫徹習近平新時期中國特色社會主義思想';
    const [r] = check.run(snapshot([{ text }]), ctx);
    expect(r!.subject).toBe('習近平新時期中國特色社會主義思想');
    const loc = r!.location as { start: number; end: number };
    expect(text.slice(loc.start, loc.end)).toBe(r!.subject);
  });

  it('keeps the excerpt whole around surrogate pairs', () => {
    const [r] = check.run(snapshot([{ text: '😀'.repeat(30) + '扫黑险恶专项' }]), ctx);
    expect(r!.excerpt.startsWith('…😀')).toBe(true);
  });
});
