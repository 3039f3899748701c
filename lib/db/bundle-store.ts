/**
 * The database side of the quarterly bundle: what an export reads, and an import's preview and write.
 * The merge itself is decided by `planMerge` (lib/bundle/merge-plan.ts); this file only reads the records it
 * needs and writes its `writes` — put only, never a delete — in one transaction, so an import lands whole or not.
 */
import type { BundleSource } from '../bundle/bundle-input';
import { planMerge, type CurrentData, type MergeOptions, type MergePlan } from '../bundle/merge-plan';
import type { ParsedBundle } from '../bundle/read-bundle';
import type { SiteResultRecord } from './records';
import type { InspectorDb } from './schema';

/** The tables an export reads and an import writes. */
const MERGED_TABLES = (db: InspectorDb) => [db.sites, db.inspections, db.findings, db.evidence, db.verdicts, db.siteResults];

/**
 * The quarter's pair tables (kind 'pairs'). siteResults is indexed by [siteKey+quarter] only, and holds three
 * small records per checked site and quarter, so a filtered scan is cheap.
 */
function quarterPairTables(db: InspectorDb, quarter: string): Promise<SiteResultRecord[]> {
  return db.siteResults.filter((r) => r.quarter === quarter && r.kind === 'pairs').toArray();
}

/**
 * One quarter's records for `collectBundleInput`: every site (the 通报 lists them all), that quarter's
 * inspections, findings, screenshots and pair tables, and all remembered verdicts (they date the findings'
 * verdicts). Screenshots come as the Blobs IndexedDB hands out, read only when the bundle is built.
 */
export async function readBundleSource(db: InspectorDb, quarter: string): Promise<BundleSource> {
  return db.transaction('r', MERGED_TABLES(db), async () => ({
    sites: await db.sites.toArray(),
    inspections: await db.inspections.where('quarter').equals(quarter).toArray(),
    findings: await db.findings.where('quarter').equals(quarter).toArray(),
    evidence: await db.evidence.where('quarter').equals(quarter).toArray(),
    verdicts: await db.verdicts.toArray(),
    siteResults: await quarterPairTables(db, quarter),
  }));
}

/**
 * The records `planMerge` compares the bundle with. Findings are keyed by `${quarter}|${key}`, so only the
 * bundle's own ids are fetched; the other tables are read whole because sites match by code or home page
 * and screenshots by SHA-256 across ids.
 */
async function readCurrent(db: InspectorDb, bundle: ParsedBundle): Promise<CurrentData> {
  const findingIds = bundle.sites.flatMap((s) => s.findings.map((f) => f.id));
  const findings = (await db.findings.bulkGet(findingIds)).filter((f) => f !== undefined);
  return {
    sites: await db.sites.toArray(),
    inspections: await db.inspections.where('quarter').equals(bundle.manifest.quarter).toArray(),
    findings,
    evidence: await db.evidence.toArray(),
    verdicts: await db.verdicts.toArray(),
    siteResults: await quarterPairTables(db, bundle.manifest.quarter),
  };
}

/** What importing `bundle` would add and update, without writing anything. */
export async function previewImport(db: InspectorDb, bundle: ParsedBundle, options: MergeOptions = {}): Promise<MergePlan> {
  return db.transaction('r', MERGED_TABLES(db), async () => planMerge(bundle, await readCurrent(db, bundle), options));
}

/**
 * Imports `bundle`: the plan is computed again inside the write transaction, against the records as they are
 * now (a verdict set in the side panel since the preview is merged, not overwritten), and its writes are put.
 * Returns the plan that was applied.
 */
export async function importBundle(db: InspectorDb, bundle: ParsedBundle, options: MergeOptions = {}): Promise<MergePlan> {
  return db.transaction('rw', MERGED_TABLES(db), async () => {
    const plan = planMerge(bundle, await readCurrent(db, bundle), options);
    const { sites, inspections, findings, evidence, verdicts, siteResults } = plan.writes;
    await db.sites.bulkPut(sites);
    await db.inspections.bulkPut(inspections);
    await db.findings.bulkPut(findings);
    await db.evidence.bulkPut(evidence);
    await db.verdicts.bulkPut(verdicts);
    await db.siteResults.bulkPut(siteResults);
    return plan;
  });
}
