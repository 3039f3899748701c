/**
 * The shape every check shares: a page snapshot in, findings out.
 * A finding is plain JSON so it can cross messages, live in IndexedDB and go into the bundle unchanged.
 */
import type { PageSnapshot } from '../scan/snapshot-types';

/** Stable check ids (product brief §Checks). They are stored in `Finding.check` and in the bundle. */
export const CHECK_IDS = [
  'expression',
  'typo',
  'link',
  'hidden-link',
  'spam',
  'interpretation',
  'sitemap',
  'column-stale',
  'column-blank',
  'date-anomaly',
  'privacy',
  'identity',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** veto = 单项否决-level; the order of this list is the display order, most serious first. */
export const SEVERITIES = ['veto', 'major', 'minor', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The inspector's verdict on a finding: 待复核 / 确认 / 误报 / 不适用 / 已整改. */
export const FINDING_STATUSES = ['open', 'confirmed', 'false-positive', 'not-applicable', 'fixed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/**
 * Where a finding sits on the page it was found on. Offsets are valid only for the snapshot the check ran on;
 * the content script turns them into DOM Ranges (text) or element boxes (element) through its own map.
 */
export type FindingLocation =
  | { kind: 'text'; block: number; start: number; end: number }
  | { kind: 'element'; ref: number };

/** What a check returns. The runner adds page URL/title, ids and timestamps (see `lib/checks/finding-key.ts`). */
export interface CheckResult {
  check: CheckId;
  severity: Severity;
  /** Short Chinese message, e.g. “固定表述错误：应为“以习近平同志为核心的党中央”” */
  message: string;
  /** What makes this finding unique on its page (the wrong form, the link target, the field name …). */
  subject: string;
  /** The page text around the problem, as the reader sees it. */
  excerpt: string;
  /** The correct form, where there is one. */
  expected?: string;
  /** For links: the target URL. */
  target?: string;
  /** For links: the HTTP status, when one was received. */
  httpStatus?: number;
  location?: FindingLocation;
  /** True when the finding was inferred (e.g. an unseen variant of a known expression), not matched exactly. */
  inferred?: boolean;
  /** Check-specific JSON data (link state and redirect chain, classification reasons …). */
  detail?: Record<string, unknown>;
}

/** A finding as stored and shown: a check result placed on a page, with the inspector's verdict. */
export interface Finding extends CheckResult {
  /** `${quarter}|${key}` — one record per quarter, so each quarter's bundle has its own evidence. */
  id: string;
  /** check + normalised page URL + subject: stable across re-checks (see finding-key.ts). */
  key: string;
  siteKey: string;
  quarter: string;
  pageUrl: string;
  pageTitle: string;
  status: FindingStatus;
  note?: string;
  /** ISO timestamps. */
  firstSeen: string;
  lastSeen: string;
  /** Set when a finding marked 已整改 shows up again. */
  recurring?: boolean;
}

/** What a check may read besides the snapshot. Everything here is plain data, so checks stay testable. */
export interface CheckContext {
  /** “Today” for date rules; tests pass a fixed date. */
  now: Date;
  /** The 网站标识码 the inspector registered for this site, when known. */
  siteCode?: string;
}

/** A check that needs nothing but the page. Network-backed checks (link, interpretation) add a background part. */
export interface PageCheck {
  id: CheckId;
  run(snapshot: PageSnapshot, ctx: CheckContext): CheckResult[];
}
