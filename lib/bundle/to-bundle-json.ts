/** Records → the JSON written into the bundle (the inverse is in from-bundle-json.ts). */
import type { Finding, InspectionRecord, SiteRecord, SiteVerdict } from '../db/records';
import type { BundleEvidence, BundleFinding, BundleSiteJson } from './format';
import type { EvidenceInput } from './bundle-input';

/** The 检查结果 that counts: the inspector's override, else the computed verdict. */
export function finalVerdict(inspection: InspectionRecord | undefined): SiteVerdict {
  if (!inspection) return '';
  return inspection.verdictOverride ? inspection.verdictOverride.verdict : inspection.verdict;
}

export function toSiteJson(site: SiteRecord, inspection: InspectionRecord | undefined): BundleSiteJson {
  return {
    name: site.name,
    homeUrl: site.homeUrl,
    siteCode: site.siteCode,
    verdict: finalVerdict(inspection),
    score: inspection?.score ?? null,
    checklist: (inspection?.checklist ?? []).map((entry) => ({
      id: entry.id,
      title: entry.title,
      status: entry.status,
      note: entry.note,
      findingIds: [...entry.findingIds],
      evidenceIds: [...entry.evidenceIds],
      ...(entry.statusBy ? { statusBy: entry.statusBy } : {}),
    })),
    aliases: [...site.aliases],
    siteCreatedAt: site.createdAt,
    siteUpdatedAt: site.updatedAt,
    inspection: inspection
      ? {
          computedVerdict: inspection.verdict,
          ...(inspection.verdictOverride ? { overrideReason: inspection.verdictOverride.reason } : {}),
          profile: inspection.profile,
          problems: inspection.problems,
          inspector: inspection.inspector,
          inspectedOn: inspection.inspectedOn,
          createdAt: inspection.createdAt,
          updatedAt: inspection.updatedAt,
        }
      : null,
  };
}

export function toBundleFinding(finding: Finding, verdictUpdatedAt: string | undefined): BundleFinding {
  const out: BundleFinding = {
    id: finding.id,
    key: finding.key,
    check: finding.check,
    severity: finding.severity,
    status: finding.status,
    pageUrl: finding.pageUrl,
    pageTitle: finding.pageTitle,
    message: finding.message,
    subject: finding.subject,
    excerpt: finding.excerpt,
    expected: finding.expected ?? null,
    target: finding.target ?? null,
    httpStatus: finding.httpStatus ?? null,
    firstSeen: finding.firstSeen,
    lastSeen: finding.lastSeen,
  };
  // Optional fields appear only when set, so a record read back has exactly the keys it had.
  if (finding.note !== undefined) out.note = finding.note;
  if (finding.recurring !== undefined) out.recurring = finding.recurring;
  if (finding.inferred !== undefined) out.inferred = finding.inferred;
  if (finding.location !== undefined) out.location = finding.location;
  if (finding.detail !== undefined) out.detail = finding.detail;
  if (verdictUpdatedAt !== undefined) out.verdictUpdatedAt = verdictUpdatedAt;
  return out;
}

export function toBundleEvidence(evidence: EvidenceInput, file: string, sha256: string): BundleEvidence {
  return {
    id: evidence.id,
    file,
    pageUrl: evidence.pageUrl,
    capturedAt: evidence.capturedAt,
    sha256,
    findingIds: [...evidence.findingIds],
    note: evidence.note,
  };
}
