/**
 * Turns check results into stored findings: one per (check, page, subject), with a stable key so a re-check
 * updates the finding instead of adding a copy, and with the inspector's remembered verdict applied.
 */
import type { CheckResult, Finding, FindingLocation, FindingStatus } from './types';

/** The page part of a finding key: scheme, host and path in a stable form, no fragment. */
export function pageKeyUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    u.hostname = u.hostname.toLowerCase();
    return u.href;
  } catch {
    return url;
  }
}

/** check + normalised page URL + subject: the same problem on the same page always gets the same key. */
export function findingKey(check: string, pageUrl: string, subject: string): string {
  return `${check}|${pageKeyUrl(pageUrl)}|${subject}`;
}

export interface PlaceContext {
  pageUrl: string;
  pageTitle: string;
  siteKey: string;
  quarter: string;
  /** ISO time of this check. */
  now: string;
}

/** What was decided about a finding before (remembered per site) and what is stored now (this quarter). */
export interface PriorState {
  remembered?: { status: FindingStatus; note: string };
  stored?: Pick<Finding, 'firstSeen' | 'status' | 'note'>;
}

/**
 * Place one page's results. Several results with the same subject (the same wrong form three times on a page)
 * become one finding whose `detail.locations` lists every place, so all are highlighted.
 */
export function placeFindings(
  results: CheckResult[],
  ctx: PlaceContext,
  prior: (key: string) => PriorState,
): Finding[] {
  const byKey = new Map<string, Finding>();
  // Every place of a subject, gathered here and set once per finding (a subject may repeat thousands of times).
  const places = new Map<string, FindingLocation[]>();
  for (const result of results) {
    const key = findingKey(result.check, ctx.pageUrl, result.subject);
    const existing = byKey.get(key);
    if (existing) {
      if (result.location) {
        let list = places.get(key);
        if (!list) places.set(key, (list = [...((existing.detail?.locations as FindingLocation[] | undefined) ?? [])]));
        list.push(result.location);
      }
      continue;
    }
    const { remembered, stored } = prior(key);
    const finding: Finding = {
      ...result,
      id: `${ctx.quarter}|${key}`,
      key,
      siteKey: ctx.siteKey,
      quarter: ctx.quarter,
      pageUrl: ctx.pageUrl,
      pageTitle: ctx.pageTitle,
      status: 'open',
      firstSeen: stored?.firstSeen ?? ctx.now,
      lastSeen: ctx.now,
    };
    applyVerdict(finding, remembered, stored);
    if (result.location) places.set(key, [result.location]);
    byKey.set(key, finding);
  }
  for (const [key, locations] of places) {
    const finding = byKey.get(key)!;
    finding.detail = { ...finding.detail, locations };
  }
  return [...byKey.values()];
}

/**
 * The remembered verdict wins over a fresh “open”: a 误报 stays dismissed, 确认/不适用 stay decided.
 * A problem marked 已整改 that is found again is open again and flagged as recurring.
 */
function applyVerdict(finding: Finding, remembered: PriorState['remembered'], stored: PriorState['stored']): void {
  const decided = remembered ?? (stored && stored.status !== 'open' ? { status: stored.status, note: stored.note ?? '' } : undefined);
  if (!decided) return;
  if (decided.note) finding.note = decided.note;
  if (decided.status === 'fixed') {
    finding.status = 'open';
    finding.recurring = true;
    return;
  }
  finding.status = decided.status;
}

/** All places of a finding on its page (the first location plus any repeats). */
export function locationsOf(finding: Pick<Finding, 'location' | 'detail'>): FindingLocation[] {
  const listed = finding.detail?.locations as FindingLocation[] | undefined;
  if (listed?.length) return listed;
  return finding.location ? [finding.location] : [];
}
