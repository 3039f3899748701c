/**
 * The `interpretation` check (issue 5, indicator D-FB5 政策文件与解读材料相互关联).
 *
 * Two steps, because the partner page has to be fetched by the background:
 * 1. `planInterpretationCheck(snapshot)` classifies the page and lists the related-link targets to fetch;
 * 2. `evaluateInterpretation(snapshot, targets)` judges the pair once the targets' snapshots (or errors) are in.
 */
import type { CheckResult } from './types';
import type { PageSnapshot } from '../scan/snapshot-types';
import { classifyPage, type PageClassification, type PageKind } from '../interpretation/classify-page';
import { checkInterpretationPage, checkPolicyPage, type TargetResult } from '../interpretation/check-pair';
import { findInterpretationLinks, findPolicyLinks, type RelatedLink } from '../interpretation/find-related-links';

export type { TargetResult } from '../interpretation/check-pair';

/** At most this many partner pages are fetched per page (a 相关文件 box can list dozens). */
export const MAX_TARGETS = 5;

export interface InterpretationPlan {
  kind: PageKind;
  /** Chinese reasons for the classification. */
  reasons: string[];
  classification: PageClassification;
  /** Related links found on the page (files and search pages included, they are judged without fetching). */
  links: RelatedLink[];
  /** URLs the background should fetch, decode (GBK included) and snapshot without layout; ≤ MAX_TARGETS. */
  targets: string[];
}

function relatedLinks(snapshot: PageSnapshot, cls: PageClassification): RelatedLink[] {
  if (cls.kind === 'policy') return findInterpretationLinks(snapshot);
  if (cls.kind === 'interpretation') return findPolicyLinks(snapshot, cls.refTitles, cls.refDocNumbers);
  return [];
}

/** Step 1: classify the page and say which pages to fetch. A page that is neither gets no targets. */
export function planInterpretationCheck(snapshot: PageSnapshot): InterpretationPlan {
  const classification = classifyPage(snapshot);
  const links = relatedLinks(snapshot, classification).slice(0, MAX_TARGETS * 2);
  const targets = links.filter((l) => l.target === 'page').map((l) => l.url).slice(0, MAX_TARGETS);
  return { kind: classification.kind, reasons: classification.reasons, classification, links, targets };
}

/**
 * Step 2: findings for the page. `targets` maps each URL of `plan.targets` (as given) to the fetched page's
 * snapshot or to the fetch error; a URL left out is treated as not yet checked and gives no finding.
 */
export function evaluateInterpretation(
  snapshot: PageSnapshot,
  targets: ReadonlyMap<string, TargetResult>,
  plan: InterpretationPlan = planInterpretationCheck(snapshot),
): CheckResult[] {
  const links = plan.links.filter((l) => l.target !== 'page' || plan.targets.includes(l.url));
  if (plan.kind === 'policy') return checkPolicyPage(snapshot, plan.classification, links, targets);
  if (plan.kind === 'interpretation') return checkInterpretationPage(snapshot, plan.classification, links, targets);
  return [];
}
