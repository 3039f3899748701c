import { describe, expect, it } from 'vitest';
import { createTypoCheck } from '../../../lib/checks/typo';
import type { PageSnapshot } from '../../../lib/scan/snapshot-types';

const snapshot = (texts: string[]): PageSnapshot =>
  ({
    url: 'https://www.example.gov.cn/',
    title: '',
    lang: 'zh-CN',
    hasLayout: false,
    blocks: texts.map((text) => ({ text, source: 'editor', tag: 'p', region: 'main' })),
  }) as unknown as PageSnapshot;

describe('typo check', () => {
  const check = createTypoCheck();

  it('reports a listed typo with the correct form and exact offsets', () => {
    const text = '全体干部要再接再励，迫不急待地投入工作。';
    const results = check.run(snapshot([text]), { now: new Date() });
    expect(results.map((r) => [r.subject, r.expected, r.severity, r.message])).toEqual([
      ['再接再励', '再接再厉', 'major', '错别字：“再接再励”应为“再接再厉”'],
      ['迫不急待', '迫不及待', 'major', '错别字：“迫不急待”应为“迫不及待”'],
    ]);
    const loc = results[1]!.location as { start: number; end: number };
    expect(text.slice(loc.start, loc.end)).toBe('迫不急待');
  });

  it('stays silent on correct text and on expression errors', () => {
    expect(check.run(snapshot(['坚持稳中求进工作总基调，一如既往。', '扫黑险恶']), { now: new Date() })).toEqual([]);
  });
});

describe('typo exceptions', () => {
  it('flags 按装 but not 按装箱单 or 按装修标准', () => {
    const check = createTypoCheck();
    const now = new Date('2026-11-22T00:00:00Z');
    expect(check.run(snapshot(['请及时按装防火设施。']), { now }).map((r) => r.expected)).toEqual(['安装']);
    expect(check.run(snapshot(['请按装箱单核对，按装修标准验收。']), { now })).toEqual([]);
  });
});
