import { describe, expect, it } from 'vitest';
import { buildBundle } from '@/lib/bundle/build-bundle';
import { collectBundleInput, type BundleSource } from '@/lib/bundle/bundle-input';
import { readBundle, type ParsedBundle } from '@/lib/bundle/read-bundle';
import { importBundle, previewImport, readBundleSource } from '@/lib/db/bundle-store';
import type { EvidenceRecord } from '@/lib/db/records';
import type { InspectorDb } from '@/lib/db/schema';
import { freshDatabases } from '../../support/fresh-db';
import { CREATED_AT, GENERATOR, QUARTER, finding, inspection, pairsRecord, samplePairs, sampleSource, site } from '../bundle/fixtures';

const openDb = freshDatabases('bundle-store');

async function seed(db: InspectorDb, source: BundleSource): Promise<void> {
  await db.sites.bulkPut([...source.sites]);
  await db.inspections.bulkPut([...source.inspections]);
  await db.findings.bulkPut([...source.findings]);
  await db.evidence.bulkPut(source.evidence as EvidenceRecord[]);
  await db.verdicts.bulkPut([...source.verdicts]);
  await db.siteResults.bulkPut([...(source.siteResults ?? [])]);
}

async function exportDb(db: InspectorDb, createdAt = CREATED_AT): Promise<Uint8Array> {
  return buildBundle(collectBundleInput(await readBundleSource(db, QUARTER), { quarter: QUARTER, createdAt, generator: GENERATOR }));
}

async function parsed(bytes: Uint8Array): Promise<ParsedBundle> {
  const read = await readBundle(bytes);
  if (!read.ok) throw new Error(read.error.message);
  return read.bundle;
}

const counts = async (db: InspectorDb): Promise<number[]> =>
  Promise.all([db.sites.count(), db.inspections.count(), db.findings.count(), db.evidence.count(), db.verdicts.count(), db.siteResults.count()]);

describe('bundle store', () => {
  it('reads only the quarter asked for, but every site and verdict', async () => {
    const db = openDb();
    const source = await sampleSource();
    await seed(db, source);
    await db.findings.put(finding('site-a', 9, { id: '2026Q3|x', quarter: '2026Q3' }));
    await db.inspections.put(inspection('site-c', { id: 'site-c|2026Q3', quarter: '2026Q3' }));
    const read = await readBundleSource(db, QUARTER);
    expect(read.sites).toHaveLength(3);
    expect(read.findings.map((f) => f.quarter)).toEqual([QUARTER, QUARTER, QUARTER]);
    expect(read.inspections.map((i) => i.id).sort()).toEqual(['site-a|2026Q4', 'site-b|2026Q4']);
    expect(read.evidence).toHaveLength(2);
    expect(read.verdicts).toHaveLength(2);
    // Only this quarter's pair tables: not site A's site-map result, not site B's table of 2026Q3.
    expect(read.siteResults?.map((r) => r.id)).toEqual([`site-a|${QUARTER}|pairs`]);
  });

  it('exports, imports into an empty database and exports the same bytes again', async () => {
    const db = openDb();
    await seed(db, await sampleSource());
    const first = await exportDb(db);
    const fresh = openDb();
    const plan = await importBundle(fresh, await parsed(first));
    expect(plan.counts.sites.add).toBe(3);
    expect(plan.counts.siteResults.add).toBe(1);
    expect(await counts(fresh)).toEqual([3, 2, 3, 2, 2, 1]);
    const siteA = (await fresh.sites.where('siteCode').equals('1101000001').first())!;
    expect(await fresh.siteResults.get(`${siteA.id}|${QUARTER}|pairs`)).toMatchObject({ kind: 'pairs', data: samplePairs() });
    const again = await exportDb(fresh);
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
  });

  it('previews without writing, and a second import changes nothing', async () => {
    const db = openDb();
    await seed(db, await sampleSource());
    const bundle = await parsed(await exportDb(db));
    const fresh = openDb();
    const preview = await previewImport(fresh, bundle);
    expect(preview.counts.findings).toEqual({ add: 3, update: 0, unchanged: 0 });
    expect(await counts(fresh)).toEqual([0, 0, 0, 0, 0, 0]);
    await importBundle(fresh, bundle);
    const before = await readBundleSource(fresh, QUARTER);
    const second = await importBundle(fresh, bundle);
    expect(second.hasChanges).toBe(false);
    expect(second.counts.findings).toEqual({ add: 0, update: 0, unchanged: 3 });
    expect(second.counts.siteResults).toEqual({ add: 0, update: 0, unchanged: 1 });
    expect(await counts(fresh)).toEqual([3, 2, 3, 2, 2, 1]);
    expect((await readBundleSource(fresh, QUARTER)).findings).toEqual(before.findings);
  });

  it('keeps the newer verdict, both notes and every local record', async () => {
    const source = await sampleSource();
    const theirs = openDb();
    await seed(theirs, source);
    const bundle = await parsed(await exportDb(theirs));

    const ours = openDb();
    const f1 = source.findings[0]!;
    // The same site under another local id, a newer local verdict with its own note, and a local-only finding.
    await ours.sites.put(site('local-a', '示例市人民政府', 'https://www.a.gov.cn/', '1101000001'));
    await ours.findings.bulkPut([
      { ...f1, siteKey: 'local-a', status: 'false-positive', note: '李四：不是错误' },
      finding('local-a', 7),
    ]);
    await ours.verdicts.put({ id: `local-a|${f1.key}`, siteKey: 'local-a', findingKey: f1.key, check: 'expression', status: 'false-positive', note: '李四：不是错误', updatedAt: '2026-12-01T00:00:00.000Z' });
    await importBundle(ours, bundle);

    expect(await ours.sites.count()).toBe(3);
    const merged = await ours.findings.get(f1.id);
    expect(merged?.siteKey).toBe('local-a');
    expect(merged?.status).toBe('false-positive');
    expect(merged?.note).toBe('李四：不是错误\n已核实');
    expect(await ours.findings.get(finding('local-a', 7).id)).toBeDefined();
    expect((await ours.verdicts.get(`local-a|${f1.key}`))?.note).toBe('李四：不是错误\n已核实');
    expect(await ours.findings.where('siteKey').equals('local-a').count()).toBe(3);
  });

  it('writes nothing when one write fails', async () => {
    const source = await sampleSource();
    const theirs = openDb();
    await seed(theirs, source);
    // Their site A moved to the home page our site B already has: putting it breaks the unique home page.
    await theirs.sites.update('site-a', { homeUrl: 'https://www.b-local.gov.cn/', updatedAt: '2026-12-01T00:00:00.000Z' });
    const bundle = await parsed(await exportDb(theirs));

    const ours = openDb();
    await ours.sites.bulkPut([
      site('mine-a', '示例市人民政府', 'https://www.a.gov.cn/', '1101000001'),
      site('mine-b', '别的网站', 'https://www.b-local.gov.cn/', ''),
    ]);
    await expect(importBundle(ours, bundle)).rejects.toThrow();
    expect(await counts(ours)).toEqual([2, 0, 0, 0, 0, 0]);
    expect((await ours.sites.get('mine-a'))?.homeUrl).toBe('https://www.a.gov.cn/');
  });

  it('writes the pair table for the matched local site in the import transaction: the newer one wins', async () => {
    const theirs = openDb();
    await seed(theirs, await sampleSource());
    const bundle = await parsed(await exportDb(theirs));

    const ours = openDb();
    await ours.sites.put(site('local-a', '示例市人民政府', 'https://www.a.gov.cn/', '1101000001'));
    const mine = { ...samplePairs(), rows: samplePairs().rows.slice(0, 2), items: 2 };
    const otherQuarter = pairsRecord('local-a', mine, '2026-12-30T00:00:00.000Z', '2026Q3');
    await ours.siteResults.bulkPut([pairsRecord('local-a', mine, '2026-12-01T00:00:00.000Z'), otherQuarter]);
    // Ours is newer (12-01 against 11-20): kept as it is.
    const kept = await importBundle(ours, bundle);
    expect(kept.sites[0]?.pairs).toBe('unchanged');
    expect((await ours.siteResults.get(`local-a|${QUARTER}|pairs`))?.data).toEqual(mine);

    // Ours is older: replaced whole by theirs; the other quarter's table stays.
    await ours.siteResults.update(`local-a|${QUARTER}|pairs`, { updatedAt: '2026-11-01T00:00:00.000Z' });
    const replaced = await importBundle(ours, bundle);
    expect(replaced.sites[0]?.pairs).toBe('update');
    expect(await ours.siteResults.get(`local-a|${QUARTER}|pairs`)).toMatchObject({ data: samplePairs(), updatedAt: '2026-11-20T06:00:00.000Z' });
    expect(await ours.siteResults.get(otherQuarter.id)).toEqual(otherQuarter);
    // The exported bundle carries our table again, byte for byte what theirs said.
    const back = await parsed(await exportDb(ours));
    expect(back.sites.find((s) => s.site.siteCode === '1101000001')?.pairs).toEqual(bundle.sites[0]?.pairs);
  });
});
