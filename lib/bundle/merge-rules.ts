/**
 * How one local record and the same record from a bundle become one, without losing anything:
 * the newer verdict wins, both inspectors' notes are kept, lists are united, time spans widened.
 * Every rule is symmetric in what it keeps and idempotent, so importing the same bundle twice changes nothing.
 */
import type { ChecklistEntry, EvidenceRecord, Finding, InspectionRecord, SiteRecord, SiteResultRecord, VerdictRecord } from '../db/records';
import { hostnameOf } from '../links/normalize-url';

/** True when ISO time `a` is later than `b` (unparsable times compare as text). */
export function isLater(a: string, b: string): boolean {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return Number.isNaN(ta) || Number.isNaN(tb) ? a > b : ta > tb;
}

const earliest = (a: string, b: string): string => (isLater(a, b) ? b : a);
const latest = (a: string, b: string): string => (isLater(b, a) ? b : a);

/** Items of `a`, then those of `b` not in `a`. */
export function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/** Both notes, line by line, without repeating a line either already holds. Local first. */
export function mergeNotes(local: string | undefined, incoming: string | undefined): string {
  const lines = (s: string | undefined): string[] => (s ?? '').split('\n').filter((l) => l.trim() !== '');
  return union(lines(local), lines(incoming)).join('\n');
}

function mergeOptionalNote(local: string | undefined, incoming: string | undefined): { note?: string } {
  return local === undefined && incoming === undefined ? {} : { note: mergeNotes(local, incoming) };
}

/** Site: the newer record's name, home page and code (a known code beats ''); aliases and both hosts kept. */
export function mergeSite(local: SiteRecord, incoming: SiteRecord): SiteRecord {
  const [newer, older] = isLater(incoming.updatedAt, local.updatedAt) ? [incoming, local] : [local, incoming];
  const newerHost = hostnameOf(newer.homeUrl);
  const olderHost = hostnameOf(older.homeUrl);
  const aliases = union(local.aliases, incoming.aliases);
  if (olderHost && olderHost !== newerHost && !aliases.includes(olderHost)) aliases.push(olderHost);
  return {
    id: local.id,
    name: newer.name || older.name,
    homeUrl: newer.homeUrl || older.homeUrl,
    siteCode: newer.siteCode || older.siteCode,
    aliases,
    createdAt: earliest(local.createdAt, incoming.createdAt),
    updatedAt: latest(local.updatedAt, incoming.updatedAt),
  };
}

function mergeChecklist(local: readonly ChecklistEntry[], incoming: readonly ChecklistEntry[], incomingIsNewer: boolean): ChecklistEntry[] {
  const byId = new Map(local.map((c) => [c.id, c]));
  const incomingById = new Map(incoming.map((c) => [c.id, c]));
  const order = incomingIsNewer ? union(incoming.map((c) => c.id), local.map((c) => c.id)) : union(local.map((c) => c.id), incoming.map((c) => c.id));
  return order.map((id) => {
    const l = byId.get(id);
    const i = incomingById.get(id);
    if (!l || !i) return (l ?? i) as ChecklistEntry;
    const newer = incomingIsNewer ? i : l;
    return {
      id,
      title: newer.title,
      status: newer.status,
      note: mergeNotes(l.note, i.note),
      findingIds: union(l.findingIds, i.findingIds),
      evidenceIds: union(l.evidenceIds, i.evidenceIds),
      // Who set the status travels with the status, so a proposal never overwrites an inspector's decision.
      ...(newer.statusBy ? { statusBy: newer.statusBy } : {}),
    };
  });
}

/** Inspection: the newer one's verdict and text; checklist merged entry by entry; both inspectors named. */
export function mergeInspection(local: InspectionRecord, incoming: InspectionRecord): InspectionRecord {
  const incomingIsNewer = isLater(incoming.updatedAt, local.updatedAt);
  const [newer, older] = incomingIsNewer ? [incoming, local] : [local, incoming];
  const inspectors = union(local.inspector.split('、'), incoming.inspector.split('、')).filter((s) => s.trim() !== '');
  const merged: InspectionRecord = {
    id: local.id,
    siteId: local.siteId,
    quarter: local.quarter,
    profile: newer.profile,
    checklist: mergeChecklist(local.checklist, incoming.checklist, incomingIsNewer),
    verdict: newer.verdict,
    problems: newer.problems,
    inspector: inspectors.join('、'),
    inspectedOn: newer.inspectedOn,
    createdAt: earliest(local.createdAt, incoming.createdAt),
    updatedAt: latest(local.updatedAt, incoming.updatedAt),
  };
  if (newer.verdictOverride) merged.verdictOverride = { ...newer.verdictOverride };
  if (newer.score !== undefined) merged.score = newer.score;
  // Bundles do not carry the portal flag and bonus points: keep the older record's when the newer one has none.
  const isPortal = newer.isPortal ?? older.isPortal;
  if (isPortal !== undefined) merged.isPortal = isPortal;
  const bonusPoints = newer.bonusPoints ?? older.bonusPoints;
  if (bonusPoints !== undefined) merged.bonusPoints = bonusPoints;
  return merged;
}

/**
 * Finding: status from the newer verdict (`localVerdictAt` / `incomingVerdictAt`: when each side's verdict
 * was set), page facts from the later sighting, notes from both, first/last seen widened.
 */
export function mergeFinding(local: Finding, incoming: Finding, localVerdictAt: string, incomingVerdictAt: string): Finding {
  const seenLater = isLater(incoming.lastSeen, local.lastSeen) ? incoming : local;
  const { note: _ln, recurring: _lr, ...facts } = seenLater;
  const merged: Finding = {
    ...facts,
    id: local.id,
    key: local.key,
    siteKey: local.siteKey,
    quarter: local.quarter,
    status: isLater(incomingVerdictAt, localVerdictAt) ? incoming.status : local.status,
    firstSeen: earliest(local.firstSeen, incoming.firstSeen),
    lastSeen: latest(local.lastSeen, incoming.lastSeen),
    ...mergeOptionalNote(local.note, incoming.note),
  };
  if (local.recurring !== undefined || incoming.recurring !== undefined) merged.recurring = Boolean(local.recurring || incoming.recurring);
  return merged;
}

/** Verdict record: the newer status, both notes. */
export function mergeVerdict(local: VerdictRecord, incoming: VerdictRecord): VerdictRecord {
  const newer = isLater(incoming.updatedAt, local.updatedAt) ? incoming : local;
  return {
    ...local,
    check: newer.check,
    status: newer.status,
    note: mergeNotes(local.note, incoming.note),
    updatedAt: latest(local.updatedAt, incoming.updatedAt),
  };
}

/** Evidence with the same PNG: the local record (and its bytes) with both notes and all linked findings. */
export function mergeEvidence(local: EvidenceRecord, incoming: EvidenceRecord): EvidenceRecord {
  return { ...local, findingIds: union(local.findingIds, incoming.findingIds), note: mergeNotes(local.note, incoming.note) };
}

/**
 * Site-level result (the pair table): a whole table from one crawl, so the newer `updatedAt` wins outright —
 * rows of two crawls do not mix. On a tie the local one stays.
 */
export function mergeSiteResult(local: SiteResultRecord, incoming: SiteResultRecord): SiteResultRecord {
  return isLater(incoming.updatedAt, local.updatedAt) ? { ...incoming, id: local.id } : local;
}
