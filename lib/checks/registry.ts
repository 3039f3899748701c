/**
 * The checks that run on a page snapshot alone, in display order. Adding a check means adding its module and one
 * line here. Checks that also need the network (links, policy interpretations) add a background stage that runs
 * after these; see entrypoints/background/page-service.ts.
 */
import type { CompiledDictionary } from '../expressions/matcher';
import { dateAnomalyCheck } from './date-anomaly';
import { createExpressionCheck } from './expression';
import { hiddenLinkCheck } from './hidden-link';
import { identityCheck } from './identity';
import { linkCheck } from './link';
import { privacyCheck } from './privacy';
import { spamCheck } from './spam';
import { createTypoCheck } from './typo';
import type { CheckContext, CheckResult, PageCheck } from './types';
import type { PageSnapshot } from '../scan/snapshot-types';

/**
 * Build the page checks. `dictionary` is the compiled expression dictionary (the bundled one merged with the
 * user's local terms, minus disabled categories); without it the bundled dictionary is used.
 */
export function createPageChecks(dictionary?: CompiledDictionary): PageCheck[] {
  return [
    createExpressionCheck(dictionary),
    createTypoCheck(dictionary),
    identityCheck,
    dateAnomalyCheck,
    linkCheck,
    hiddenLinkCheck,
    spamCheck,
    privacyCheck,
  ];
}

/**
 * Run checks on a snapshot. A check that throws must not take the others down: its failure becomes an
 * `info` result that says so, and the rest still report.
 */
export function runPageChecks(checks: PageCheck[], snapshot: PageSnapshot, ctx: CheckContext): CheckResult[] {
  const results: CheckResult[] = [];
  for (const check of checks) {
    try {
      results.push(...check.run(snapshot, ctx));
    } catch (error) {
      results.push({
        check: check.id,
        severity: 'info',
        subject: 'check-failed',
        message: `检查“${check.id}”未能完成：${error instanceof Error ? error.message : String(error)}`,
        excerpt: '',
      });
    }
  }
  return results;
}
