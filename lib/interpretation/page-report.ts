/**
 * What the side panel shows about one page's policy–interpretation check: the page's class with its reasons, and
 * each related link found with what became of it. Built from the plan, the fetched targets and the findings, so
 * the panel says the same as the findings do. JSON-safe: it travels in `TabState.stages`.
 */
import type { CheckResult } from '../checks/types';
import type { InterpretationPlan, TargetResult } from '../checks/interpretation';
import { classifyPage, type PageKind } from './classify-page';
import type { RelatedLink } from './find-related-links';
import { linksTo } from './pair-match';

/**
 * pending: still being fetched; linked: the partner links back (双向关联); then the kinds of the findings
 * (one-way, dead, inconclusive, unrelated, title-mismatch, file); other: fetched, another kind of page that is
 * not the partner, listed beside one; skipped: beyond the fetch limit, not checked.
 */
export type RelatedLinkState =
  | 'pending'
  | 'linked'
  | 'one-way'
  | 'dead'
  | 'inconclusive'
  | 'unrelated'
  | 'title-mismatch'
  | 'file'
  | 'other'
  | 'skipped';

export interface RelatedLinkReport {
  url: string;
  text: string;
  /** Why the link was taken as related (Chinese). */
  reason: string;
  state: RelatedLinkState;
  /** The fetched page's title, or the fetch error (Chinese), when there is one. */
  note: string;
}

export interface InterpretationReport {
  /** false while partner pages are still being fetched. */
  done: boolean;
  kind: PageKind;
  reasons: string[];
  title: string;
  links: RelatedLinkReport[];
}

/** Finding subjects are `<kind>:<url>`; a link's state is the most telling finding about it. */
const FINDING_STATES: RelatedLinkState[] = ['dead', 'inconclusive', 'unrelated', 'title-mismatch', 'one-way', 'file'];

function stateOf(
  link: RelatedLink,
  plan: InterpretationPlan,
  pageUrl: string,
  targets: ReadonlyMap<string, TargetResult> | null,
  results: readonly CheckResult[],
): { state: RelatedLinkState; note: string } {
  const got = targets?.get(link.url);
  const note = !got ? '' : 'snapshot' in got ? got.snapshot.title : got.error;
  const kinds = results.filter((r) => r.subject.slice(r.subject.indexOf(':') + 1) === link.url).map((r) => r.subject.split(':')[0]);
  const found = FINDING_STATES.find((s) => kinds.includes(s));
  if (found) return { state: found, note };
  if (link.target === 'page' && !plan.targets.includes(link.url)) return { state: 'skipped', note };
  if (!targets) return { state: 'pending', note };
  if (!got || !('snapshot' in got)) return { state: 'skipped', note };
  const role = plan.kind === 'policy' ? 'interpretation' : 'policy';
  const partner = classifyPage(got.snapshot).kind === role && linksTo(got.snapshot, pageUrl);
  return { state: partner ? 'linked' : 'other', note };
}

/**
 * The report for a page: `targets` null while the fetches run (links pending), else what each target gave and
 * the findings `evaluateInterpretation` made from them.
 */
export function interpretationReport(
  pageUrl: string,
  plan: InterpretationPlan,
  targets: ReadonlyMap<string, TargetResult> | null,
  results: readonly CheckResult[] = [],
): InterpretationReport {
  return {
    done: targets !== null,
    kind: plan.kind,
    reasons: plan.reasons,
    title: plan.classification.title,
    links: plan.links.map((l) => ({ url: l.url, text: l.text, reason: l.reason, ...stateOf(l, plan, pageUrl, targets, results) })),
  };
}
