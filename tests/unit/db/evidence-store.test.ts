import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@/lib/bundle/sha256';
import { addEvidence, deleteEvidence, evidenceImage, siteEvidence } from '@/lib/db/evidence-store';
import { newInspection } from '@/lib/db/inspection-store';
import { freshDatabases } from '../../support/fresh-db';

const NOW = '2026-11-20T08:00:00.000Z';
const freshDb = freshDatabases('ev');

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);

describe('evidence store', () => {
  it('hashes exactly the bytes stored and lists metadata without the image', async () => {
    const db = freshDb();
    const meta = await addEvidence(db, { id: 'e1', siteKey: 's1', quarter: '2026Q4', pageUrl: 'http://a.gov.cn/', capturedAt: NOW, png, findingIds: ['f1'], note: '' });
    expect(meta.sha256).toBe(createHash('sha256').update(png).digest('hex'));
    expect(meta.bytes).toBe(png.byteLength);
    expect(await sha256Hex(png.buffer)).toBe(meta.sha256);
    const listed = await siteEvidence(db, 's1', '2026Q4');
    expect(listed).toHaveLength(1);
    expect('png' in (listed[0] as object)).toBe(false);
    const blob = await evidenceImage(db, 'e1');
    expect(new Uint8Array(await (blob as Blob).arrayBuffer())).toEqual(png);
  });

  it('deletes a screenshot and unlinks it from checklist entries', async () => {
    const db = freshDb();
    await addEvidence(db, { id: 'e1', siteKey: 's1', quarter: '2026Q4', pageUrl: 'http://a.gov.cn/', capturedAt: NOW, png, findingIds: [], note: '' });
    const inspection = newInspection('s1', '2026Q4', NOW);
    inspection.checklist[0] = { ...inspection.checklist[0]!, evidenceIds: ['e1', 'e2'] };
    await db.inspections.put(inspection);
    expect(await deleteEvidence(db, 'e1')).toBe(true);
    expect(await deleteEvidence(db, 'e1')).toBe(false);
    expect(await db.evidence.count()).toBe(0);
    expect((await db.inspections.get(inspection.id))?.checklist[0]?.evidenceIds).toEqual(['e2']);
  });
});
