import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../../lib/bundle/build-bundle';
import { collectBundleInput } from '../../../lib/bundle/bundle-input';
import { planMerge } from '../../../lib/bundle/merge-plan';
import { readBundle } from '../../../lib/bundle/read-bundle';
import { CREATED_AT, GENERATOR, QUARTER, applyPlan, emptyDb, sampleInput, sampleSource, text, unzipAll } from './fixtures';

/** Export → clear → import → export, as the acceptance test does through the UI. */
async function roundTrip(createdAgain: string): Promise<[Uint8Array, Uint8Array]> {
  const first = await buildBundle(sampleInput(await sampleSource()));
  const read = await readBundle(first);
  if (!read.ok) throw new Error(read.error.message);
  let n = 0;
  const db = applyPlan(emptyDb(), planMerge(read.bundle, emptyDb(), { newId: () => `imported-${++n}` }));
  const again = await buildBundle(collectBundleInput(db, { quarter: QUARTER, createdAt: createdAgain, generator: GENERATOR }));
  return [first, again];
}

describe('round trip', () => {
  it('keeps who set each checklist status', async () => {
    const first = await buildBundle(sampleInput(await sampleSource()));
    const read = await readBundle(first);
    if (!read.ok) throw new Error(read.error.message);
    let n = 0;
    const db = applyPlan(emptyDb(), planMerge(read.bundle, emptyDb(), { newId: () => `imported-${++n}` }));
    const statusBy = db.inspections.flatMap((i) => i.checklist.map((c) => c.statusBy));
    expect(statusBy).toContain('inspector');
    expect(statusBy).toContain('proposal');
  });

  it('gives the same bytes when exported again with the same createdAt', async () => {
    const [first, again] = await roundTrip(CREATED_AT);
    // The pair table travels too (the sample's site A has one).
    expect((await unzipAll(again)).has('sites/1101000001/pairs.json')).toBe(true);
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
  });

  it('gives the same files apart from createdAt in manifest.json', async () => {
    const later = '2027-01-15T09:30:00.000Z';
    const [first, again] = await roundTrip(later);
    const a = await unzipAll(first);
    const b = await unzipAll(again);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [path, data] of a) {
      if (path === 'manifest.json' || path === 'summary.xlsx') continue;
      expect(Buffer.from(b.get(path)!).equals(Buffer.from(data)), path).toBe(true);
    }
    // The XLSX is a zip too: its entries are dated createdAt, its content is the same.
    expect(await unzipAll(b.get('summary.xlsx')!)).toEqual(await unzipAll(a.get('summary.xlsx')!));
    const ma = JSON.parse(text(a.get('manifest.json')));
    const mb = JSON.parse(text(b.get('manifest.json')));
    expect(mb.createdAt).toBe(later);
    const withoutXlsx = (files: { path: string }[]): unknown[] => files.filter((f) => f.path !== 'summary.xlsx');
    expect({ ...mb, createdAt: ma.createdAt, files: withoutXlsx(mb.files) }).toEqual({ ...ma, files: withoutXlsx(ma.files) });
  });
});
