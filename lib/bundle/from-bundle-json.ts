/** The bundle's JSON → database records (the inverse of to-bundle-json.ts). Local ids are supplied by the caller. */
import { inspectionId, verdictRecordId, type EvidenceRecord, type Finding, type InspectionRecord, type SiteRecord, type VerdictRecord } from '../db/records';
import type { BundleFinding, BundleSiteJson } from './format';
import type { ParsedEvidence } from './read-bundle';

export function siteRecordFrom(json: BundleSiteJson, id: string): SiteRecord {
  return {
    id,
    name: json.name,
    homeUrl: json.homeUrl,
    siteCode: json.siteCode,
    aliases: [...json.aliases],
    createdAt: json.siteCreatedAt,
    updatedAt: json.siteUpdatedAt,
  };
}

/** undefined when the bundle says the site had no inspection this quarter. */
export function inspectionRecordFrom(json: BundleSiteJson, siteId: string, quarter: string): InspectionRecord | undefined {
  const x = json.inspection;
  if (!x) return undefined;
  const record: InspectionRecord = {
    id: inspectionId(siteId, quarter),
    siteId,
    quarter,
    profile: x.profile,
    checklist: json.checklist.map((c) => ({ ...c, findingIds: [...c.findingIds], evidenceIds: [...c.evidenceIds] })),
    verdict: x.computedVerdict,
    problems: x.problems,
    inspector: x.inspector,
    inspectedOn: x.inspectedOn,
    createdAt: x.createdAt,
    updatedAt: x.updatedAt,
  };
  if (x.overrideReason !== undefined) record.verdictOverride = { verdict: json.verdict, reason: x.overrideReason };
  if (json.score !== null) record.score = json.score;
  return record;
}

export function findingRecordFrom(f: BundleFinding, siteKey: string, quarter: string): Finding {
  const record: Finding = {
    id: f.id,
    key: f.key,
    siteKey,
    quarter,
    check: f.check,
    severity: f.severity,
    status: f.status,
    pageUrl: f.pageUrl,
    pageTitle: f.pageTitle,
    message: f.message,
    subject: f.subject,
    excerpt: f.excerpt,
    firstSeen: f.firstSeen,
    lastSeen: f.lastSeen,
  };
  if (f.expected !== null) record.expected = f.expected;
  if (f.target !== null) record.target = f.target;
  if (f.httpStatus !== null) record.httpStatus = f.httpStatus;
  if (f.note !== undefined) record.note = f.note;
  if (f.recurring !== undefined) record.recurring = f.recurring;
  if (f.inferred !== undefined) record.inferred = f.inferred;
  if (f.location !== undefined) record.location = f.location;
  if (f.detail !== undefined) record.detail = f.detail;
  return record;
}

/** The verdict a finding carries, as the per-site record that keeps it across quarters; undefined while 待复核. */
export function verdictRecordFrom(f: BundleFinding, siteKey: string): VerdictRecord | undefined {
  if (f.status === 'open') return undefined;
  return {
    id: verdictRecordId(siteKey, f.key),
    siteKey,
    findingKey: f.key,
    check: f.check,
    status: f.status,
    note: f.note ?? '',
    updatedAt: f.verdictUpdatedAt ?? f.lastSeen,
  };
}

export function evidenceRecordFrom(e: ParsedEvidence, siteKey: string, quarter: string): EvidenceRecord {
  return {
    id: e.entry.id,
    siteKey,
    quarter,
    pageUrl: e.entry.pageUrl,
    capturedAt: e.entry.capturedAt,
    sha256: e.entry.sha256,
    bytes: e.png.byteLength,
    png: new Blob([e.png as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
    findingIds: [...e.entry.findingIds],
    note: e.entry.note,
  };
}
