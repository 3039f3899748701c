import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../../../lib/bundle/build-bundle';
import { planMerge, type CurrentData } from '../../../lib/bundle/merge-plan';
import { readBundle, type ParsedBundle } from '../../../lib/bundle/read-bundle';
import { homeKey } from '../../../lib/bundle/site-match';
import { QUARTER, applyPlan, emptyDb, finding, inspection, pairsRecord, samplePairs, sampleInput, sampleSource, site } from './fixtures';

let bundle: ParsedBundle;
const ids = (): (() => string) => {
  let n = 0;
  return () => `new-${++n}`;
};

beforeAll(async () => {
  const result = await readBundle(await buildBundle(sampleInput(await sampleSource())));
  if (!result.ok) throw new Error(result.error.message);
  bundle = result.bundle;
});

/** A database that already holds site A (same code, other id) with its own view of the quarter. */
function localDb(): CurrentData {
  const a = site('local-a', '示例市政府（旧名）', 'https://a.gov.cn/', '1101000001', '2026-09-01T00:00:00.000Z');
  const f1 = finding('local-a', 1, { status: 'false-positive', note: '本地备注', lastSeen: '2026-12-01T00:00:00.000Z' });
  const onlyLocal = finding('local-a', 9);
  return {
    sites: [a],
    inspections: [inspection('local-a', { inspector: '王五', updatedAt: '2026-10-01T00:00:00.000Z', verdict: '合格' })],
    findings: [f1, onlyLocal],
    evidence: [],
    verdicts: [{ id: `local-a|${f1.key}`, siteKey: 'local-a', findingKey: f1.key, check: 'expression', status: 'false-positive', note: '本地备注', updatedAt: '2026-11-01T00:00:00.000Z' }],
    siteResults: [],
  };
}

describe('planMerge', () => {
  it('adds everything to an empty database', () => {
    const plan = planMerge(bundle, emptyDb(), { newId: ids() });
    expect(plan.counts.sites).toEqual({ add: 3, update: 0, unchanged: 0 });
    expect(plan.counts.inspections).toEqual({ add: 2, update: 0, unchanged: 0 });
    expect(plan.counts.findings).toEqual({ add: 3, update: 0, unchanged: 0 });
    expect(plan.counts.evidence).toEqual({ add: 2, update: 0, unchanged: 0 });
    // Verdicts for the two findings that have one (确认, 误报); 待复核 makes none.
    expect(plan.counts.verdicts).toEqual({ add: 2, update: 0, unchanged: 0 });
    expect(plan.sites.map((s) => s.action)).toEqual(['add', 'add', 'add']);
    const siteA = plan.writes.sites.find((s) => s.siteCode === '1101000001')!;
    expect(plan.writes.findings.filter((f) => f.siteKey === siteA.id)).toHaveLength(2);
    expect(plan.writes.evidence.every((e) => e.png instanceof Blob && e.quarter === QUARTER)).toBe(true);
  });

  it('changes nothing when the same bundle is imported twice', () => {
    const once = applyPlan(emptyDb(), planMerge(bundle, emptyDb(), { newId: ids() }));
    const again = planMerge(bundle, once, { newId: ids() });
    expect(again.hasChanges).toBe(false);
    expect(Object.values(again.writes).every((w) => w.length === 0)).toBe(true);
    expect(again.counts.findings).toEqual({ add: 0, update: 0, unchanged: 3 });
    expect(again.sites.map((s) => s.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('matches a site by 网站标识码 and keeps the local id for everything it writes', () => {
    const plan = planMerge(bundle, localDb(), { newId: ids() });
    expect(plan.sites[0]).toMatchObject({ action: 'update', matchedBy: 'siteCode', inspection: 'update' });
    const merged = plan.writes.sites.find((s) => s.id === 'local-a')!;
    expect(merged.name).toBe('示例市人民政府 <script>alert(1)</script>'); // the bundle's record is newer
    expect(merged.homeUrl).toBe('https://www.a.gov.cn/');
    expect(merged.aliases).toEqual(['a.gov.cn']); // the older record's host is kept as an alias
    expect(plan.writes.findings.filter((f) => f.siteKey === 'local-a').length).toBeGreaterThan(0);
    expect(plan.writes.findings.every((f) => f.siteKey !== 'site-a')).toBe(true);
    expect(plan.writes.inspections.find((i) => i.siteId === 'local-a')?.id).toBe(`local-a|${QUARTER}`);
  });

  it('matches a site by normalised home page when it has no code', () => {
    const local = site('local-b', '示例区', 'HTTP://WWW.b.gov.cn/', '');
    const plan = planMerge(bundle, { ...emptyDb(), sites: [local] }, { newId: ids() });
    expect(plan.sites[1]).toMatchObject({ matchedBy: 'homeUrl' });
    expect(plan.writes.sites.filter((s) => s.id === 'local-b')).toHaveLength(1);
    expect(homeKey('https://www.b.gov.cn/index.html')).toBe(homeKey('http://b.gov.cn'));
  });

  it('keeps two sites apart when their codes differ, even on the same home page', () => {
    const other = site('other', '另一个', 'https://www.a.gov.cn/', '9999999999');
    const plan = planMerge(bundle, { ...emptyDb(), sites: [other] }, { newId: ids() });
    expect(plan.sites[0]).toMatchObject({ action: 'add' });
    expect(plan.writes.sites.some((s) => s.id === 'other')).toBe(false);
  });

  it('keeps the newer verdict and both inspectors’ notes', () => {
    const plan = planMerge(bundle, localDb(), { newId: ids() });
    const f1 = plan.writes.findings.find((f) => f.subject === '错误1')!;
    // Local 误报 dates from 2026-11-01, the bundle's 确认 from 2026-11-11: the bundle wins.
    expect(f1.status).toBe('confirmed');
    expect(f1.note).toBe('本地备注\n已核实');
    expect(f1.lastSeen).toBe('2026-12-01T00:00:00.000Z'); // widened to the later sighting
    const verdict = plan.writes.verdicts.find((v) => v.siteKey === 'local-a')!;
    expect(verdict).toMatchObject({ status: 'confirmed', note: '本地备注\n已核实', updatedAt: '2026-11-11T00:00:00.000Z' });
  });

  it('keeps the local verdict when it is the newer one', () => {
    const db = localDb();
    db.verdicts = db.verdicts.map((v) => ({ ...v, updatedAt: '2026-12-20T00:00:00.000Z' }));
    const plan = planMerge(bundle, db, { newId: ids() });
    expect(plan.writes.findings.find((f) => f.subject === '错误1')!.status).toBe('false-positive');
    expect(plan.writes.verdicts.find((v) => v.siteKey === 'local-a')).toMatchObject({ status: 'false-positive', updatedAt: '2026-12-20T00:00:00.000Z' });
  });

  it('merges the inspection: newer verdict, both inspectors, checklist notes from both', () => {
    const plan = planMerge(bundle, localDb(), { newId: ids() });
    const merged = plan.writes.inspections.find((i) => i.siteId === 'local-a')!;
    expect(merged.verdict).toBe('不合格');
    expect(merged.inspector).toBe('王五、张三');
    expect(merged.createdAt).toBe('2026-10-01T00:00:00.000Z');
    expect(merged.checklist.find((c) => c.id === 'SV-C1')).toMatchObject({ note: '首页有误', evidenceIds: ['ev-1'] });
  });

  it('never deletes: records only the database has are neither written nor counted', () => {
    const db = localDb();
    const plan = planMerge(bundle, db, { newId: ids() });
    expect(plan.writes.findings.some((f) => f.subject === '错误9')).toBe(false);
    const after = applyPlan(db, plan);
    expect(after.findings.some((f) => f.subject === '错误9')).toBe(true);
    expect(after.findings.length).toBe(4);
    expect(db.findings).toHaveLength(2); // the input arrays are not modified
  });

  it('does not duplicate a screenshot already stored under another id', () => {
    const once = applyPlan(emptyDb(), planMerge(bundle, emptyDb(), { newId: ids() }));
    // The same screenshots, stored locally under other ids (and referenced by them).
    const renamed = once.evidence.map((e) => ({ ...e, id: `local-${e.id}`, note: '本地' }));
    const inspections = once.inspections.map((i) => ({
      ...i,
      checklist: i.checklist.map((c) => ({ ...c, evidenceIds: c.evidenceIds.map((id) => `local-${id}`) })),
    }));
    const plan = planMerge(bundle, { ...once, evidence: renamed, inspections }, { newId: ids() });
    expect(plan.counts.evidence.add).toBe(0);
    const ev = plan.writes.evidence.find((e) => e.id === 'local-ev-1')!;
    expect(ev.note).toBe('本地\n首页截图');
    // The checklist's reference to ev-1 is re-pointed to local-ev-1, so the inspection stays as it is.
    expect(plan.counts.inspections).toEqual({ add: 0, update: 0, unchanged: 2 });
  });

  it('adds the pair table under the matched local site, as a siteResults record of kind pairs', () => {
    const plan = planMerge(bundle, localDb(), { newId: ids() });
    expect(plan.counts.siteResults).toEqual({ add: 1, update: 0, unchanged: 0 });
    expect(plan.sites.map((s) => s.pairs)).toEqual(['add', 'none', 'none']);
    expect(plan.writes.siteResults).toEqual([
      { id: `local-a|${QUARTER}|pairs`, siteKey: 'local-a', quarter: QUARTER, kind: 'pairs', data: samplePairs(), updatedAt: '2026-11-20T06:00:00.000Z' },
    ]);
    const keyed = planMerge(bundle, localDb(), { newId: ids(), siteKeyOf: (s) => `key:${s.id}` });
    expect(keyed.writes.siteResults.map((r) => r.id)).toEqual([`key:local-a|${QUARTER}|pairs`]);
  });

  it('keeps the newer pair table whole, and never deletes another one', () => {
    const older = { ...samplePairs(), rows: samplePairs().rows.slice(0, 1), items: 1 };
    const otherSite = pairsRecord('local-z', older);
    const db = (updatedAt: string): CurrentData => ({ ...localDb(), siteResults: [pairsRecord('local-a', older, updatedAt), otherSite] });

    const incomingNewer = planMerge(bundle, db('2026-11-01T00:00:00.000Z'), { newId: ids() });
    expect(incomingNewer.sites[0]!.pairs).toBe('update');
    expect(incomingNewer.writes.siteResults).toHaveLength(1);
    expect(incomingNewer.writes.siteResults[0]).toMatchObject({ id: `local-a|${QUARTER}|pairs`, data: samplePairs(), updatedAt: '2026-11-20T06:00:00.000Z' });

    const localNewer = planMerge(bundle, db('2026-12-01T00:00:00.000Z'), { newId: ids() });
    expect(localNewer.sites[0]!.pairs).toBe('unchanged');
    expect(localNewer.writes.siteResults).toEqual([]);
    expect(localNewer.counts.siteResults).toEqual({ add: 0, update: 0, unchanged: 1 });

    const after = applyPlan(db('2026-11-01T00:00:00.000Z'), incomingNewer);
    expect(after.siteResults).toContainEqual(otherSite);
    expect(after.siteResults).toHaveLength(2);
  });

  it('imports the same pair table twice without a change', () => {
    const once = applyPlan(emptyDb(), planMerge(bundle, emptyDb(), { newId: ids() }));
    expect(once.siteResults).toHaveLength(1);
    const again = planMerge(bundle, once, { newId: ids() });
    expect(again.counts.siteResults).toEqual({ add: 0, update: 0, unchanged: 1 });
    expect(again.sites[0]!.pairs).toBe('unchanged');
  });
});
