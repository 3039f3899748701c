/**
 * The checklist of one site in one quarter: created from a profile, then proposals computed from findings.
 * Proposals only suggest: the inspector's own statuses are never replaced unless the inspector asks.
 */
import type { Finding } from '../checks/types';
import type { ChecklistEntry, ChecklistStatus } from '../db/records';
import type { ChecklistProfile, IndicatorFeed, IndicatorSection, ProfileItem } from './profile';

/** The parts of a finding the checklist looks at. */
export type ChecklistFinding = Pick<Finding, 'id' | 'check' | 'severity' | 'status' | 'pageUrl' | 'subject' | 'message'> &
  Partial<Pick<Finding, 'target' | 'excerpt' | 'detail'>>;

/** Which sections go into a new checklist; bonus items are scored as a number, not ticked. */
export interface CreateChecklistOptions {
  sections?: readonly IndicatorSection[];
}

/** A fresh checklist: one unchecked entry per veto and deduction item of the profile, in profile order. */
export function createChecklist(profile: ChecklistProfile, options: CreateChecklistOptions = {}): ChecklistEntry[] {
  const sections = options.sections ?? ['website', 'new-media'];
  return profile.items.filter((item) => item.kind !== 'bonus' && sections.includes(item.section)).map(newEntry);
}

function newEntry(item: ProfileItem): ChecklistEntry {
  return { id: item.id, title: item.title, status: 'unchecked', note: '', findingIds: [], evidenceIds: [] };
}

/**
 * Brings a stored checklist up to date with its profile (items added to the profile appear as unchecked,
 * titles follow the profile). Entries the profile no longer has are kept at the end, since they hold the
 * inspector's work.
 */
export function syncChecklist(profile: ChecklistProfile, checklist: readonly ChecklistEntry[]): ChecklistEntry[] {
  const byId = new Map(checklist.map((entry) => [entry.id, entry]));
  const fromProfile = createChecklist(profile).map((fresh) => {
    const old = byId.get(fresh.id);
    return old ? { ...old, title: fresh.title } : fresh;
  });
  const known = new Set(fromProfile.map((entry) => entry.id));
  return [...fromProfile, ...checklist.filter((entry) => !known.has(entry.id))];
}

/** A suggested status for one item, with the reason shown to the inspector. */
export interface StatusProposal {
  itemId: string;
  title: string;
  /** fail = propose 不符合; review = the findings deserve a look but decide nothing. */
  level: 'fail' | 'review';
  /** Chinese reason, e.g. “已确认空白栏目6个（标准：≥5个）”. */
  reason: string;
  /** Confirmed findings behind the proposal. */
  findingIds: string[];
  /** Findings still 待复核 that would feed the item once confirmed. */
  pendingFindingIds: string[];
}

/**
 * Proposals per item from the findings of a site (only confirmed findings can propose 不符合; open ones ask for
 * review). Items no finding feeds get no proposal. Order follows the profile.
 */
export function proposeStatuses(profile: ChecklistProfile, findings: readonly ChecklistFinding[]): StatusProposal[] {
  const proposals: StatusProposal[] = [];
  for (const item of profile.items) {
    const parts = item.feeds.map((feed) => evaluateFeed(feed, findings));
    const confirmed = unique(parts.flatMap((part) => part.confirmed));
    const pending = unique(parts.flatMap((part) => part.pending)).filter((id) => !confirmed.includes(id));
    const reasons = parts.map((part) => part.reason).filter((reason) => reason !== '');
    if (reasons.length === 0) continue;
    proposals.push({
      itemId: item.id,
      title: item.title,
      level: parts.some((part) => part.fails) ? 'fail' : 'review',
      reason: reasons.join('；'),
      findingIds: confirmed,
      pendingFindingIds: pending,
    });
  }
  return proposals;
}

interface FeedResult {
  fails: boolean;
  reason: string;
  confirmed: string[];
  pending: string[];
}

function evaluateFeed(feed: IndicatorFeed, findings: readonly ChecklistFinding[]): FeedResult {
  const matching = findings.filter((finding) => feedMatches(feed, finding));
  const confirmed = matching.filter((f) => f.status === 'confirmed').map((f) => f.id);
  const pending = matching.filter((f) => f.status === 'open').map((f) => f.id);
  const unit = feed.unit ?? '处';
  const n = confirmed.length;
  let reason = '';
  let fails = false;
  if (n >= feed.minCount && feed.propose === 'fail') {
    fails = true;
    reason = `已确认${feed.why}${n}${unit}` + (feed.minCount > 1 ? `（标准：≥${feed.minCount}${unit}）` : '');
  } else if (n >= feed.minCount) {
    reason = `已确认${feed.why}${n}${unit}，请人工判断是否不符合`;
  } else if (n > 0) {
    reason = `已确认${feed.why}${n}${unit}，未达到${feed.minCount}${unit}的标准，请人工判断`;
  }
  if (pending.length > 0) {
    const waiting = `另有${pending.length}条${feed.why}待复核`;
    reason = reason === '' ? waiting : `${reason}，${waiting}`;
  }
  return { fails, reason, confirmed, pending };
}

/** True when a finding counts for a feed (check, severity, detail values, patterns); status is not looked at. */
export function feedMatches(feed: IndicatorFeed, finding: ChecklistFinding): boolean {
  if (finding.check !== feed.check) return false;
  if (feed.severities && !feed.severities.includes(finding.severity)) return false;
  for (const [key, allowed] of Object.entries(feed.detail ?? {})) {
    const value = finding.detail?.[key];
    if (typeof value !== 'string' || !allowed.includes(value)) return false;
  }
  const fields = [finding.subject, finding.message, finding.target ?? '', finding.excerpt ?? ''];
  const anyField = (source: string) => {
    const re = new RegExp(source, 'i');
    return fields.some((field) => re.test(field));
  };
  if (feed.pattern && !anyField(feed.pattern)) return false;
  if (feed.excludePattern && anyField(feed.excludePattern)) return false;
  return true;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/**
 * The inspector accepts one proposal: a fail proposal sets 不符合 (only on an unchecked entry unless `force`,
 * which the UI passes when the inspector explicitly replaces their own status); the reason fills an empty note;
 * the confirmed findings are linked either way.
 */
export function acceptProposal(
  checklist: readonly ChecklistEntry[],
  proposal: StatusProposal,
  options: { force?: boolean } = {},
): ChecklistEntry[] {
  return checklist.map((entry) => {
    if (entry.id !== proposal.itemId) return entry;
    const setStatus = proposal.level === 'fail' && (entry.status === 'unchecked' || options.force === true);
    return {
      ...entry,
      status: setStatus ? 'fail' : entry.status,
      note: setStatus && entry.note.trim() === '' ? proposal.reason : entry.note,
      findingIds: unique([...entry.findingIds, ...proposal.findingIds]),
    };
  });
}

/** Sets one item's status (and note, when given): the inspector's decision. */
export function setItemStatus(
  checklist: readonly ChecklistEntry[],
  id: string,
  status: ChecklistStatus,
  note?: string,
): ChecklistEntry[] {
  if (!checklist.some((entry) => entry.id === id)) throw new Error(`清单中没有指标 ${id}`);
  return checklist.map((entry) => (entry.id === id ? { ...entry, status, note: note ?? entry.note } : entry));
}

/** Counts for the progress column of the site list (checklist completion). */
export interface ChecklistProgress {
  total: number;
  checked: number;
  pass: number;
  fail: number;
  notApplicable: number;
  unchecked: number;
}

export function checklistProgress(checklist: readonly ChecklistEntry[]): ChecklistProgress {
  const count = (status: ChecklistStatus) => checklist.filter((entry) => entry.status === status).length;
  const unchecked = count('unchecked');
  return {
    total: checklist.length,
    checked: checklist.length - unchecked,
    pass: count('pass'),
    fail: count('fail'),
    notApplicable: count('not-applicable'),
    unchecked,
  };
}
