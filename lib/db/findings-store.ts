/**
 * Reading and writing findings and the verdicts remembered for them. Functions take the database first, so
 * tests run them against fake-indexeddb.
 */
import type { CheckId, Finding, FindingStatus } from '../checks/types';
import { findingKey, pageKeyUrl, placeFindings, type PlaceContext, type PriorState } from '../checks/place-findings';
import type { CheckResult } from '../checks/types';
import { verdictRecordId } from './records';
import type { InspectorDb } from './schema';


/** Findings stored for one page in one quarter. */
export async function findingsForPage(db: InspectorDb, quarter: string, pageUrl: string): Promise<Finding[]> {
  return db.findings.where('[quarter+pageUrl]').equals([quarter, pageKeyUrl(pageUrl)]).toArray();
}

/**
 * Store the results of checks that ran on a page. Findings of those checks that were not found again are
 * removed while still undecided (待复核); anything the inspector decided on stays.
 */
export async function savePageResults(
  db: InspectorDb,
  results: CheckResult[],
  checksRun: CheckId[],
  ctx: PlaceContext,
): Promise<Finding[]> {
  const pageUrl = pageKeyUrl(ctx.pageUrl);
  const placeCtx = { ...ctx, pageUrl };
  return db.transaction('rw', db.findings, db.verdicts, async () => {
    const stored = await findingsForPage(db, ctx.quarter, pageUrl);
    const storedByKey = new Map(stored.map((f) => [f.key, f]));
    // Only the verdicts these results can meet: a site's remembered verdicts grow with every quarter.
    const keys = [...new Set(results.map((r) => findingKey(r.check, pageUrl, r.subject)))];
    const verdicts = await db.verdicts.bulkGet(keys.map((key) => verdictRecordId(ctx.siteKey, key)));
    const verdictByKey = new Map(verdicts.flatMap((v) => (v ? [[v.findingKey, v] as const] : [])));
    const prior = (key: string): PriorState => {
      const state: PriorState = {};
      const v = verdictByKey.get(key);
      if (v) state.remembered = { status: v.status, note: v.note };
      const s = storedByKey.get(key);
      if (s) state.stored = s;
      return state;
    };
    const fresh = placeFindings(results, placeCtx, prior);
    const freshIds = new Set(fresh.map((f) => f.id));
    const ran = new Set(checksRun);
    const gone = stored.filter((f) => ran.has(f.check) && !freshIds.has(f.id) && f.status === 'open').map((f) => f.id);
    await db.findings.bulkDelete(gone);
    await db.findings.bulkPut(fresh);
    return findingsForPage(db, ctx.quarter, pageUrl);
  });
}

/** Set the inspector's verdict on a finding and remember it for the site (so a 误报 never comes back). */
export async function setFindingStatus(
  db: InspectorDb,
  findingId: string,
  status: FindingStatus,
  note: string | undefined,
  now: string,
): Promise<Finding | null> {
  return db.transaction('rw', db.findings, db.verdicts, async () => {
    const finding = await db.findings.get(findingId);
    if (!finding) return null;
    const updated: Finding = { ...finding, status, note: note ?? finding.note ?? '' };
    if (status !== 'open') delete updated.recurring;
    await db.findings.put(updated);
    await db.verdicts.put({
      id: verdictRecordId(finding.siteKey, finding.key),
      siteKey: finding.siteKey,
      findingKey: finding.key,
      check: finding.check,
      status,
      note: updated.note ?? '',
      updatedAt: now,
    });
    return updated;
  });
}
