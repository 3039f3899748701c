/**
 * Evidence screenshots: the PNG bytes with their SHA-256, the page, the time and the findings they prove.
 * Lists return metadata only (no Blob), so a gallery of many screenshots stays cheap until an image is shown.
 */
import { sha256Hex } from '../bundle/sha256';
import type { EvidenceRecord } from './records';
import type { InspectorDb } from './schema';

/** An evidence record without its image. */
export type EvidenceMeta = Omit<EvidenceRecord, 'png'>;

/** What a capture hands in; the store adds hash and size. */
export interface NewEvidence {
  id: string;
  siteKey: string;
  quarter: string;
  pageUrl: string;
  capturedAt: string;
  png: Uint8Array;
  findingIds: string[];
  note: string;
}

/** Stores a screenshot; the hash is computed from exactly the bytes stored. */
export async function addEvidence(db: InspectorDb, input: NewEvidence): Promise<EvidenceMeta> {
  const sha256 = await sha256Hex(input.png);
  const record: EvidenceRecord = {
    id: input.id,
    siteKey: input.siteKey,
    quarter: input.quarter,
    pageUrl: input.pageUrl,
    capturedAt: input.capturedAt,
    sha256,
    bytes: input.png.byteLength,
    png: new Blob([input.png as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
    findingIds: [...input.findingIds],
    note: input.note,
  };
  await db.evidence.add(record);
  return metaOf(record);
}

function metaOf(record: EvidenceRecord): EvidenceMeta {
  const { png: _png, ...meta } = record;
  return meta;
}

/** A site's screenshots in a quarter, newest first, without the images. */
export async function siteEvidence(db: InspectorDb, siteKey: string, quarter: string): Promise<EvidenceMeta[]> {
  const records = await db.evidence.where('[siteKey+quarter]').equals([siteKey, quarter]).toArray();
  return records.map(metaOf).sort((a, b) => b.capturedAt.localeCompare(a.capturedAt));
}

/** The PNG of one screenshot, or undefined when it was deleted. */
export async function evidenceImage(db: InspectorDb, id: string): Promise<Blob | undefined> {
  return (await db.evidence.get(id))?.png;
}

/** Deletes a screenshot and unlinks it from the checklist entries of its site's inspections. */
export async function deleteEvidence(db: InspectorDb, id: string): Promise<boolean> {
  return db.transaction('rw', db.evidence, db.inspections, async () => {
    const record = await db.evidence.get(id);
    if (!record) return false;
    await db.evidence.delete(id);
    await db.inspections
      .where('siteId')
      .equals(record.siteKey)
      .modify((inspection) => {
        inspection.checklist = inspection.checklist.map((entry) =>
          entry.evidenceIds.includes(id) ? { ...entry, evidenceIds: entry.evidenceIds.filter((e) => e !== id) } : entry,
        );
      });
    return true;
  });
}
