/**
 * The inspector's verdicts on findings, kept per site across re-checks and quarters (VerdictRecord):
 * a 误报 never comes back (stored, but hidden), a 已整改 that shows up again is flagged recurring and reopened,
 * 确认 / 不适用 carry over. Pure functions: the caller reads and writes the records.
 */
import type { Finding, FindingStatus } from '../checks/types';
import type { VerdictRecord } from '../db/records';

/** Id of the VerdictRecord of a finding (records.ts: `${siteKey}|${findingKey}`). */
export function verdictId(siteKey: string, findingKey: string): string {
  return `${siteKey}|${findingKey}`;
}

/** The record to store when the inspector sets a finding's status. A 不适用 needs a note. */
export function recordVerdict(
  finding: Pick<Finding, 'siteKey' | 'key' | 'check'>,
  status: FindingStatus,
  note: string,
  now: Date,
): VerdictRecord {
  if (status === 'not-applicable' && note.trim() === '') throw new Error('标记为不适用时须填写说明');
  return {
    id: verdictId(finding.siteKey, finding.key),
    siteKey: finding.siteKey,
    findingKey: finding.key,
    check: finding.check,
    status,
    note: note.trim(),
    updatedAt: now.toISOString(),
  };
}

/** The finding with the inspector's status set (what the side panel stores next to the VerdictRecord). */
export function setFindingStatus(finding: Finding, status: FindingStatus, note: string): Finding {
  // A recurring flag answers “was it fixed before?”; once the inspector re-decides, the flag has done its job
  // unless they mark it fixed again.
  const { recurring, ...rest } = finding;
  const keepFlag = recurring === true && status === 'open';
  return { ...rest, status, note: note.trim() === '' ? finding.note : note.trim(), ...(keepFlag ? { recurring } : {}) };
}

/** A finding is hidden from lists and the overlay when the inspector called it a false positive. */
export function isHidden(finding: Pick<Finding, 'status'>): boolean {
  return finding.status === 'false-positive';
}

/**
 * One fresh finding from a check run, merged with what is remembered: the stored finding of the same quarter
 * (same id) and the site's VerdictRecord for its key.
 */
export function mergeFinding(fresh: Finding, previous?: Finding, remembered?: VerdictRecord): Finding {
  const base: Finding = {
    ...fresh,
    firstSeen: earliest(previous?.firstSeen, fresh.firstSeen),
    lastSeen: fresh.lastSeen,
  };
  delete base.recurring;
  delete base.note;
  const note = remembered?.note || previous?.note;
  if (note) base.note = note;
  const status = remembered?.status ?? previous?.status ?? 'open';
  if (status === 'fixed') {
    // It was fixed and is back: reopen and say so.
    return { ...base, status: 'open', recurring: true };
  }
  if (previous?.recurring) base.recurring = true;
  return { ...base, status };
}

function earliest(a: string | undefined, b: string): string {
  return a !== undefined && a < b ? a : b;
}

/** The outcome of merging one check run into a site's stored findings. */
export interface MergeRunResult {
  /** Every finding of this run, with remembered verdicts applied: store all of them. */
  findings: Finding[];
  /** The ones to show (false positives left out). */
  visible: Finding[];
  /** Findings hidden as 误报. */
  hidden: Finding[];
  /** Findings marked 已整改 that came back in this run and were not already flagged (newly recurring). */
  recurring: Finding[];
  /**
   * Stored confirmed/open findings of the pages this run covered that did not come back: candidates for 已整改.
   * Nothing is changed on them; the inspector decides.
   */
  notSeenAgain: Finding[];
}

/**
 * Merges the findings of a fresh run (one page, or a site crawl) with the stored ones of the same quarter and the
 * site's verdict records. `coveredPages` are the page URLs the run actually checked (default: the pages of the
 * fresh findings), so findings of pages not re-checked are not reported as gone.
 */
export function mergeCheckRun(
  fresh: readonly Finding[],
  stored: readonly Finding[],
  verdicts: readonly VerdictRecord[],
  coveredPages?: readonly string[],
  checksRun?: readonly Finding['check'][],
): MergeRunResult {
  const storedById = new Map(stored.map((f) => [f.id, f]));
  const verdictById = new Map(verdicts.map((v) => [v.id, v]));
  const findings = fresh.map((f) => mergeFinding(f, storedById.get(f.id), verdictById.get(verdictId(f.siteKey, f.key))));
  const freshIds = new Set(fresh.map((f) => f.id));
  const pages = new Set(coveredPages ?? fresh.map((f) => f.pageUrl));
  const notSeenAgain = stored.filter(
    (f) =>
      !freshIds.has(f.id) &&
      pages.has(f.pageUrl) &&
      (checksRun === undefined || checksRun.includes(f.check)) &&
      (f.status === 'confirmed' || f.status === 'open'),
  );
  return {
    findings,
    visible: findings.filter((f) => !isHidden(f)),
    hidden: findings.filter(isHidden),
    recurring: findings.filter((f) => f.recurring === true && !(storedById.get(f.id)?.recurring === true)),
    notSeenAgain,
  };
}

/** Counts by status for the site list's progress column. */
export function countByStatus(findings: readonly Pick<Finding, 'status'>[]): Record<FindingStatus, number> {
  const counts: Record<FindingStatus, number> = { open: 0, confirmed: 0, 'false-positive': 0, 'not-applicable': 0, fixed: 0 };
  for (const f of findings) counts[f.status] += 1;
  return counts;
}

/** Chinese labels: 待复核 / 确认 / 误报 / 不适用 / 已整改. */
export const FINDING_STATUS_LABELS: Readonly<Record<FindingStatus, string>> = {
  open: '待复核',
  confirmed: '确认',
  'false-positive': '误报',
  'not-applicable': '不适用',
  fixed: '已整改',
};
