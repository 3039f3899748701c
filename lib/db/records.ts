/**
 * What IndexedDB stores, one interface per table (schema in `schema.ts`). All fields are JSON-safe so a record
 * goes into the bundle and comes back unchanged. Dates are ISO strings.
 */
import type { CheckId, Finding, FindingStatus } from '../checks/types';

export type { Finding };

/** A site under inspection: one row per site, shared by all quarters. */
export interface SiteRecord {
  /** crypto.randomUUID() */
  id: string;
  name: string;
  /** Normalised home page URL (see lib/links/normalize-url). */
  homeUrl: string;
  /** 网站标识码, '' when unknown. */
  siteCode: string;
  /** Hosts that belong to the site besides the home page's (www and bare host, old domains). */
  aliases: string[];
  createdAt: string;
  updatedAt: string;
}

/** 未检查 / 符合 / 不符合 / 不适用 */
export type ChecklistStatus = 'unchecked' | 'pass' | 'fail' | 'not-applicable';

export interface ChecklistEntry {
  /** Indicator id from the checklist profile (e.g. "SV-W1"). */
  id: string;
  title: string;
  status: ChecklistStatus;
  note: string;
  findingIds: string[];
  evidenceIds: string[];
  /** Who set the status: the inspector, or an accepted proposal (which a later proposal may revise). */
  statusBy?: 'inspector' | 'proposal';
}

/** 合格 / 不合格 / 单项否决 (the 检查结果 column of the 通报 table); '' until decided. */
export type SiteVerdict = '' | '合格' | '不合格' | '单项否决';

/** One site in one quarter: its checklist, verdict and the text for the 通报. */
export interface InspectionRecord {
  /** `${siteId}|${quarter}` */
  id: string;
  siteId: string;
  /** "2026Q4" */
  quarter: string;
  profile: string;
  checklist: ChecklistEntry[];
  verdict: SiteVerdict;
  /** Set when the inspector overrode the computed verdict. */
  verdictOverride?: { verdict: SiteVerdict; reason: string };
  score?: number;
  /** 存在的问题, drafted from confirmed findings and editable. */
  problems: string;
  inspector: string;
  /** 检查日期 (YYYY-MM-DD) */
  inspectedOn: string;
  /** 门户网站: only portals are scored on the bonus part. */
  isPortal?: boolean;
  /** Bonus points the inspector entered (the national bonus table is not encoded). */
  bonusPoints?: number;
  createdAt: string;
  updatedAt: string;
}

/** The inspector's verdict on a finding, remembered per site across re-checks and quarters. */
export interface VerdictRecord {
  /** `${siteKey}|${findingKey}` */
  id: string;
  siteKey: string;
  findingKey: string;
  check: CheckId;
  status: FindingStatus;
  note: string;
  updatedAt: string;
}

/** A screenshot kept as evidence. The PNG bytes live in `blob`. */
export interface EvidenceRecord {
  id: string;
  siteKey: string;
  quarter: string;
  pageUrl: string;
  capturedAt: string;
  /** hex SHA-256 of the PNG bytes */
  sha256: string;
  bytes: number;
  png: Blob;
  findingIds: string[];
  note: string;
}

/** A link's last check result, reused within its time to live (ok 1 day, dead 1 hour; see lib/links/link-cache). */
export interface LinkCacheRecord {
  /** Normalised URL. */
  url: string;
  result: unknown;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** A site-wide crawl: its queue state, persisted so it resumes after the service worker was stopped. */
export interface CrawlRecord {
  /** `${siteKey}|${quarter}` — a re-run replaces the previous crawl. */
  id: string;
  siteKey: string;
  quarter: string;
  status: 'running' | 'done' | 'cancelled' | 'paused' | 'site-down' | 'failed';
  /** CrawlQueue.toJSON() and whatever else the runner needs to resume. */
  state: unknown;
  progress: { pagesDone: number; pagesQueued: number; errors: number };
  message: string;
  startedAt: string;
  updatedAt: string;
}

/** A site-level result kept per site and quarter: the pair table, the site map comparison, column freshness. */
export interface SiteResultRecord {
  /** `${siteKey}|${quarter}|${kind}` */
  id: string;
  siteKey: string;
  quarter: string;
  kind: 'pairs' | 'sitemap' | 'columns';
  data: unknown;
  updatedAt: string;
}

/** The id of a site's inspection record in a quarter. */
export function inspectionId(siteId: string, quarter: string): string {
  return `${siteId}|${quarter}`;
}

/** The id of a remembered verdict: one per site and finding key. */
export function verdictRecordId(siteKey: string, findingKey: string): string {
  return `${siteKey}|${findingKey}`;
}

/** The id of a site-level result: one per site, quarter and kind. */
export function siteResultId(siteKey: string, quarter: string, kind: SiteResultRecord['kind']): string {
  return `${siteKey}|${quarter}|${kind}`;
}

/** Key/value settings (thresholds, local dictionary terms, enabled categories …). */
export interface SettingRecord {
  key: string;
  value: unknown;
  updatedAt: string;
}
