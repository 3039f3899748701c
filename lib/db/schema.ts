/**
 * The one IndexedDB schema, as numbered Dexie versions. A change is a new version with an upgrade whose record
 * transforms live in migrations.ts and are tested on data written by the version before.
 * Only the background and extension pages open it: a content script's IndexedDB is the page's, not ours.
 */
import Dexie, { type EntityTable } from 'dexie';
import { inspectionV1toV2 } from './migrations';
import type {
  CrawlRecord,
  EvidenceRecord,
  Finding,
  InspectionRecord,
  LinkCacheRecord,
  SettingRecord,
  SiteRecord,
  SiteResultRecord,
  VerdictRecord,
} from './records';

export const DB_NAME = 'gov-site-inspector';

/** Version 1 (2026-11): sites, inspections (site × quarter), findings keyed stably, remembered verdicts, evidence, settings. */
export const SCHEMA_V1 = {
  sites: 'id, &homeUrl, siteCode, *aliases',
  inspections: 'id, siteId, quarter, [siteId+quarter]',
  findings: 'id, key, siteKey, quarter, pageUrl, check, status, [siteKey+quarter], [quarter+pageUrl]',
  verdicts: 'id, siteKey',
  evidence: 'id, siteKey, quarter, [siteKey+quarter]',
  settings: 'key',
} as const;

/**
 * Version 2 (2026-11): the link-check cache, persisted crawls, site-level results (pair table, site map,
 * columns); findings also indexed by check per site and quarter. Checklist entries record who set them.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  findings: `${SCHEMA_V1.findings}, [siteKey+quarter+check]`,
  linkCache: 'url, expiresAt',
  crawls: 'id, siteKey, quarter, status',
  siteResults: 'id, [siteKey+quarter]',
} as const;

export class InspectorDb extends Dexie {
  sites!: EntityTable<SiteRecord, 'id'>;
  inspections!: EntityTable<InspectionRecord, 'id'>;
  findings!: EntityTable<Finding, 'id'>;
  verdicts!: EntityTable<VerdictRecord, 'id'>;
  evidence!: EntityTable<EvidenceRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  linkCache!: EntityTable<LinkCacheRecord, 'url'>;
  crawls!: EntityTable<CrawlRecord, 'id'>;
  siteResults!: EntityTable<SiteResultRecord, 'id'>;

  /** The name is a parameter so tests open a fresh database each. */
  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx) => tx.table<InspectionRecord>('inspections').toCollection().modify((record, ref) => {
        ref.value = inspectionV1toV2(record);
      }));
  }
}
