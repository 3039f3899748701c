/**
 * The hand-made TRS- and Hanweb-style pages of tests/fixtures/html/interpretation, read by the real
 * snapshot code, against their labels (labels.json): class, related links, findings, and the pair table.
 */
import { describe, expect, it } from 'vitest';
import { evaluateInterpretation, planInterpretationCheck, type TargetResult } from '../../../lib/checks/interpretation';
import { classifyPage } from '../../../lib/interpretation/classify-page';
import { buildPairTable } from '../../../lib/interpretation/site-pairs';
import { urlKey } from '../../../lib/interpretation/urls';
import { loadAll, readLabels } from './load-page';

const pages = loadAll();
const byUrl = new Map(pages.map((p) => [urlKey(p.snapshot.url), p.snapshot]));

/** What the background would hand back: the fixture page, or a 404 for a URL that has none. */
function fetchAll(urls: string[]): Map<string, TargetResult> {
  return new Map(
    urls.map((u) => {
      const s = byUrl.get(urlKey(u));
      return [u, s ? { snapshot: s } : { error: 'HTTP 404', httpStatus: 404 }];
    }),
  );
}

describe('hand-made interpretation fixtures', () => {
  it('has at least 20 labelled pages of every class', () => {
    expect(pages.length).toBeGreaterThanOrEqual(20);
    for (const kind of ['policy', 'interpretation', 'neither']) expect(pages.some((p) => p.label.kind === kind)).toBe(true);
  });

  it('decodes the GBK page', () => {
    const gbk = pages.find((p) => p.label.key === 'b-i3');
    expect(classifyPage(gbk!.snapshot).title).toBe('河西区人民政府新闻办公室举行《河西区城乡供水一体化实施方案》新闻发布会');
  });

  it.each(pages.map((p) => [p.label.key, p] as const))('%s: class, related links and findings', (_key, { label, snapshot }) => {
    const plan = planInterpretationCheck(snapshot);
    expect(plan.kind).toBe(label.kind);
    expect(plan.links.map((l) => l.url).sort()).toEqual([...label.links].sort());
    const subjects = evaluateInterpretation(snapshot, fetchAll(plan.targets), plan).map((r) => r.subject.split(':')[0]);
    expect(subjects.sort()).toEqual([...label.expect].sort());
  });

  it('builds the labelled pair table from all pages', () => {
    const rows = buildPairTable(pages.map((p) => ({ snapshot: p.snapshot })));
    const got = rows.map((r) => `${r.category}|${r.policy?.url ?? ''}|${r.interpretation?.url ?? ''}`).sort();
    const want = readLabels().pairs.map((p) => `${p.category}|${p.policy ?? ''}|${p.interpretation ?? ''}`).sort();
    expect(got).toEqual(want);
  });
});
